import { Command, InvalidArgumentError } from 'commander';
import type { ChainReport } from '@keyward/contracts';
import { CliContext } from '../cli-context';
import { CliError } from '../cli.error';
import { ExitCodes } from '../exit-codes';
import { chainFields } from './audit.format';

/** A global sequence number, as GET /v1/audit/chain takes it. */
const SEQUENCE_NUMBER = /^\d{1,18}$/;
const sequenceNumber = (value: string): string => {
  if (!SEQUENCE_NUMBER.test(value)) throw new InvalidArgumentError('must be the global sequence number of an event, e.g. 1');
  return value;
};

export const auditVerifyCommand = (): Command =>
  new Command('verify')
    .description('check the history against its hash chain (GET /v1/audit/chain): prints the head hash to keep elsewhere, or the first bad position and why; exits 3 when the chain is broken')
    .option('--from <sequence>', 'the first event to check (global sequence number); default the first chained', sequenceNumber)
    .option('--to <sequence>', "the last event to check; default the chain's head", sequenceNumber)
    .action(async (options: { readonly from?: string; readonly to?: string }, command: Command) => {
      const context = CliContext.of(command);
      const report = await context.gateway().request<ChainReport>('GET', '/v1/audit/chain', { query: { from: options.from, to: options.to } });
      context.output.result(report, chainFields);
      if (!report.ok) throw new CliError(`the chain is broken at position ${report.firstBadPosition ?? '?'}: ${report.reason ?? 'unknown reason'}`, ExitCodes.negative);
    });
