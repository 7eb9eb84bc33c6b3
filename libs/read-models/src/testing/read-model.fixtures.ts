import type { DataSource } from 'typeorm';
import type { KeyCreated, KeywardEvent, RoleCreated, WorkspaceCreated } from '@keyward/contracts';
import { defaultWorkspaceSettings } from '@keyward/domain';
import type { EventStore, Position, RecordedEvent } from '@keyward/event-store';
import { createTestDatabase, type TestDatabase } from '@keyward/testing';
import { ProjectionRunner, type ProjectEvents } from '../projection-runner';
import { projectEvents, READ_MODELS_PROJECTION } from '../read-models.projection';
import { createReadModelDataSource } from '../read-models.data-source';
import { runReadModelMigrations } from '../run-migrations';

/** Migrates `dataSource`, projects the whole history of `store` into it (the read models unless told), and answers the position it caught up at. */
export const projectUntilLive = async (
  store: EventStore,
  dataSource: DataSource,
  projection: { readonly name: string; readonly project: ProjectEvents } = { name: READ_MODELS_PROJECTION, project: projectEvents },
): Promise<Position | undefined> => {
  await runReadModelMigrations(dataSource);
  let resolveLive: (p: Position | undefined) => void = () => undefined;
  const live = new Promise<Position | undefined>((r) => (resolveLive = r));
  const runner = new ProjectionRunner(projection.name, store, dataSource, projection.project, { onProgress: (p, caughtUp) => caughtUp && resolveLive(p) });
  await runner.start();
  const position = await live;
  await runner.stop();
  return position;
};

/** A fresh database with the read-model tables migrated; `close` destroys both. */
export const migratedReadModels = async (): Promise<{ dataSource: DataSource; database: TestDatabase; close(): Promise<void> }> => {
  const database = await createTestDatabase();
  const dataSource = await createReadModelDataSource(database.url).initialize();
  await runReadModelMigrations(dataSource);
  return {
    dataSource,
    database,
    close: async () => {
      await dataSource.destroy();
      await database.drop();
    },
  };
};

/** An event of ours, or one of a type no projection follows (from a newer writer). */
export type ProjectableEvent = KeywardEvent | { readonly type: string; readonly data: unknown };

let position = 0n;

/** The event as a store would hand it over; the projections read only type and data. */
export const recorded = (event: ProjectableEvent): RecordedEvent => {
  position += 1n;
  return {
    ...event,
    eventId: `event-${position}`,
    metadata: { workspaceId: 'default', actor: 'system', correlationId: 'c', causationId: 'c', occurredAt: '2026-01-01T00:00:00.000Z', schemaVersion: 1 },
    streamId: 'test',
    streamVersion: 0n,
    position: { commit: position, prepare: position },
    recordedAt: new Date(0),
  };
};

/** Projects the events in order in one transaction, as the runner does with a batch. */
export const applyEvents = (dataSource: DataSource, events: readonly ProjectableEvent[]): Promise<void> =>
  dataSource.transaction(async (manager) => {
    await projectEvents(manager, events.map(recorded));
  });

export const keyId = (n: number): string => `key_${String(n).padStart(24, '0')}`;

export const keyCreated = (n: number, over: Partial<KeyCreated['data']> = {}): KeyCreated => ({
  type: 'KeyCreated',
  data: {
    keyId: keyId(n),
    workspaceId: 'default',
    name: `key ${n}`,
    environment: 'live',
    secretHash: 'ab'.repeat(32),
    prefix: 'kw_live_abcd',
    lastFour: 'wxyz',
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
    expiresAt: null,
    roles: [],
    permissions: {},
    unrestricted: true,
    ...over,
  },
});

export const roleCreated = (roleId: string, over: Partial<RoleCreated['data']> = {}): RoleCreated => ({
  type: 'RoleCreated',
  data: { roleId, workspaceId: 'default', name: roleId, description: '', permissions: ['calls:read'], createdAt: '2026-01-01T00:00:00.000Z', ...over },
});

export const workspaceCreated = (workspaceId: string, over: Partial<WorkspaceCreated['data']> = {}): WorkspaceCreated => ({
  type: 'WorkspaceCreated',
  data: { workspaceId, name: workspaceId, plan: 'free', settings: defaultWorkspaceSettings(), createdAt: '2026-01-01T00:00:00.000Z', ...over },
});
