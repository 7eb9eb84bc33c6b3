import { Command } from 'commander';
import type { AuditEventPage } from '@keyward/contracts';
import { CliContext } from '../cli-context';
import { readPages } from '../gateway/pages';
import { keyPath } from '../keys/key-path';
import { wholeNumber } from '../options/option-parsers';
import { eventTable } from './audit.format';

export const keyHistoryCommand = (): Command =>
  new Command('history')
    .description("one key's events, oldest first, with actor, time and source IP (GET /v1/keys/:id/history; needs audit:read)")
    .argument('<keyId>', 'the key id')
    .option('--limit <n>', 'events per page (1 to 100)', wholeNumber)
    .option('--cursor <cursor>', 'the page a previous call named (nextCursor)')
    .option('--all', 'every page')
    .action(async (keyId: string, options: { readonly limit?: number; readonly cursor?: string; readonly all?: boolean }, command: Command) => {
      const context = CliContext.of(command);
      const gateway = context.gateway();
      const page = await readPages(
        (cursor) => gateway.request<AuditEventPage>('GET', keyPath(keyId, '/history'), { query: { cursor, limit: options.limit } }),
        options.cursor,
        options.all === true,
      );
      context.output.result(page, eventTable);
    });
