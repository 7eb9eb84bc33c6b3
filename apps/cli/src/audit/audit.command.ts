import { Command } from 'commander';
import { auditEventsCommand } from './audit-events.command';
import { auditVerifyCommand } from './audit-verify.command';
import { keyHistoryCommand } from './key-history.command';

/** `keyward audit …`: what auditors read of the history, and its tamper-evident chain (product.md 9.6). */
export const auditCommand = (): Command =>
  new Command('audit')
    .description('read the event history and check its hash chain')
    .addCommand(auditEventsCommand())
    .addCommand(keyHistoryCommand())
    .addCommand(auditVerifyCommand());
