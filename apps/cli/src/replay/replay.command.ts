import { Command } from 'commander';
import { positionToToken } from '@keyward/event-store';
import { createEventStore } from '@keyward/platform';
import { createReadModelDataSource, replayReadModels, runReadModelMigrations, type ReplayResult } from '@keyward/read-models';
import { destroyDataKeys } from '@keyward/vault';
import { CliContext } from '../cli-context';
import { replayProgressView } from './replay-progress';

interface ReplaySummary {
  readonly events: number;
  readonly position: string | null;
  readonly rows: Readonly<Record<string, number>>;
  readonly seconds: number;
  readonly eventsPerSecond: number;
}

const summaryOf = (result: ReplayResult): ReplaySummary => ({
  events: result.events,
  position: result.position ? positionToToken(result.position) : null,
  rows: result.rows,
  seconds: Math.round(result.seconds * 1_000) / 1_000,
  eventsPerSecond: result.eventsPerSecond,
});

/** Connects like the services (DATABASE_URL and EVENTSTORE_URL, else the data folder's servers) and replays. */
const replay = async (context: CliContext): Promise<ReplaySummary> => {
  const databaseUrl = context.databaseUrl();
  const store = await createEventStore({ databaseUrl, eventStoreUrl: context.eventStoreUrl() });
  const dataSource = createReadModelDataSource(databaseUrl, { poolSize: 2 });
  const view = context.output.json ? undefined : replayProgressView();
  try {
    await dataSource.initialize();
    await runReadModelMigrations(dataSource);
    const total = await store.countEvents();
    const result = await replayReadModels(store, dataSource, destroyDataKeys, { total, onProgress: (p) => view?.update(p) });
    return summaryOf(result);
  } finally {
    view?.stop();
    if (dataSource.isInitialized) await dataSource.destroy();
    await store.close();
  }
};

const forPeople = (summary: ReplaySummary): string => {
  const rows = Object.entries(summary.rows).map(([table, n]) => `${table} ${n}`).join(', ');
  return `replayed ${summary.events} events in ${summary.seconds} s (${summary.eventsPerSecond} events/s): ${rows}; checkpoint at ${summary.position ?? 'the start'}`;
};

/**
 * `keyward replay`: rebuilds every read model from the history alone while the services keep
 * running (see `replayReadModels`), destroying the data keys of the credentials the history
 * deleted. Usage counters and the event chain are kept.
 */
export const replayCommand = (): Command =>
  new Command('replay')
    .description('Rebuild every read model (keys, roles, workspaces) from the event history alone, with the services running; usage and the event chain are kept')
    // A failure is thrown: the program's runner reports it on stderr and decides the exit code (non-zero).
    .action(async (_options: object, command: Command) => {
      const context = CliContext.of(command);
      context.output.result(await replay(context), forPeople);
    });
