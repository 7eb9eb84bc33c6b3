import { Command } from 'commander';
import type { KeyPage } from '@keyward/contracts';
import { CliContext } from '../cli-context';
import { readPages } from '../gateway/pages';
import { wholeNumber } from '../options/option-parsers';
import { keyTable } from './key.format';

interface ListKeysOptions {
  readonly status?: string;
  readonly environment?: string;
  readonly search?: string;
  readonly limit?: number;
  readonly cursor?: string;
  readonly all?: boolean;
}

export const listKeysCommand = (): Command =>
  new Command('list')
    .description("list the workspace's keys, newest first (GET /v1/keys)")
    .option('--status <status>', 'only keys in this status: active, expired or revoked')
    .option('--environment <environment>', 'only live or only test keys')
    .option('--search <text>', 'part of the name, or the start of the prefix or id')
    .option('--limit <n>', 'keys per page (1 to 100)', wholeNumber)
    .option('--cursor <cursor>', 'the page a previous list named (nextCursor)')
    .option('--all', 'every page, not just the first')
    .action(async (options: ListKeysOptions, command: Command) => {
      const context = CliContext.of(command);
      const gateway = context.gateway();
      const { status, environment, search, limit } = options;
      const page = await readPages(
        (cursor) => gateway.request<KeyPage>('GET', '/v1/keys', { query: { status, environment, search, limit, cursor } }),
        options.cursor,
        options.all === true,
      );
      context.output.result(page, keyTable);
    });
