import { Command } from 'commander';
import type { AuditEventPage } from '@keyward/contracts';
import { CliContext } from '../cli-context';
import { readPages } from '../gateway/pages';
import { instant, wholeNumber } from '../options/option-parsers';
import { eventTable } from './audit.format';

interface AuditEventsOptions {
  readonly after?: string;
  readonly stream?: string;
  readonly type?: string;
  readonly actor?: string;
  readonly from?: string;
  readonly to?: string;
  readonly limit?: number;
  readonly all?: boolean;
}

export const auditEventsCommand = (): Command =>
  new Command('events')
    .description("the workspace's events in global order, each with its chain hash (GET /v1/audit/events; needs audit:read)")
    .option('--after <position>', 'events after this position (a position or nextCursor shown before)')
    .option('--stream <streamId>', 'one stream only, e.g. key-<id>')
    .option('--type <type>', 'one event type only, e.g. KeyRevoked')
    .option('--actor <actor>', 'one actor only: a key id, root or system')
    .option('--from <time>', 'events that occurred at or after this ISO 8601 time', instant)
    .option('--to <time>', 'events that occurred before this ISO 8601 time', instant)
    .option('--limit <n>', 'events per page (1 to 1000)', wholeNumber)
    .option('--all', 'every page up to what is safe to read now')
    .action(async (options: AuditEventsOptions, command: Command) => {
      const context = CliContext.of(command);
      const gateway = context.gateway();
      const { stream, type, actor, from, to, limit } = options;
      const page = await readPages(
        (after) => gateway.request<AuditEventPage>('GET', '/v1/audit/events', { query: { after, stream, type, actor, from, to, limit } }),
        options.after,
        options.all === true,
      );
      context.output.result(page, eventTable);
    });
