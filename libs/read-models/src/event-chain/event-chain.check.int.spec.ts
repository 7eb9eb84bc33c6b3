import { keyStreamId } from '@keyward/contracts';
import { PostgresEventStore } from '@keyward/event-store/postgres';
import { createTestDatabase, type TestDatabase } from '@keyward/testing';
import type { DataSource } from 'typeorm';
import { createReadModelDataSource } from '../read-models.data-source';
import { READ_MODELS_PROJECTION } from '../read-models.projection';
import { keyCreated, keyId, projectUntilLive } from '../testing/read-model.fixtures';
import { checkEventChain, UnchainedPositionError } from './event-chain.check';
import { appendChainLinks, EVENT_CHAIN_PROJECTION } from './event-chain.projection';
import { chainHashesAt, readChainHead } from './event-chain.table';

jest.setTimeout(30_000);

const EVENTS = 30;
const metadata = { workspaceId: 'default', actor: 'system', correlationId: 'c', causationId: 'c', occurredAt: '2026-01-01T00:00:00.000Z', schemaVersion: 1 };
const HISTORY = '"chain".keyward_events';

let database: TestDatabase;
let store: PostgresEventStore;
let dataSource: DataSource;

/** Events 1..n, one transaction each, so that each has a commit position of its own. */
const appendKeys = async (from: number, to: number): Promise<void> => {
  for (let n = from; n <= to; n++) {
    await store.appendToStream(keyStreamId(keyId(n)), [{ ...keyCreated(n), metadata }], { expectedVersion: 'no_stream' });
  }
};
const follow = () => projectUntilLive(store, dataSource, { name: EVENT_CHAIN_PROJECTION, project: appendChainLinks });
const check = (range?: { from?: bigint; to?: bigint }) => checkEventChain(store, dataSource.manager, range);

beforeEach(async () => {
  database = await createTestDatabase();
  store = PostgresEventStore.fromConnectionString(database.url, { schema: 'chain' });
  dataSource = await createReadModelDataSource(database.url).initialize();
  await appendKeys(1, EVENTS);
  await follow();
});

afterEach(async () => {
  await dataSource.destroy();
  await store.close();
  await database.drop();
});

describe('the event chain check', () => {
  it('checks an untouched history clean and names its head', async () => {
    const head = await readChainHead(dataSource.manager);
    expect(await check()).toEqual({ ok: true, checked: EVENTS, head: { position: String(EVENTS), hash: head?.hash.toString('hex') } });
    expect((await chainHashesAt(dataSource.manager, [BigInt(EVENTS), 999n])).get(BigInt(EVENTS))).toBe(head?.hash.toString('hex'));
  });

  it('keeps the order of many events committed together (sequence numbers compared as numbers)', async () => {
    // 31 to 110 in one transaction: as text, 100 would sort before 31.
    const batch = Array.from({ length: 80 }, (_, i) => ({ ...keyCreated(100 + i), metadata }));
    await store.appendToStream(keyStreamId('key_batch'), batch, { expectedVersion: 'no_stream' });
    await follow();
    expect(await check()).toMatchObject({ ok: true, checked: EVENTS + 80, head: { position: String(EVENTS + 80) } });
    expect(await check({ from: 29n, to: 105n })).toMatchObject({ ok: true, checked: 77 });
  });

  it('outlives a rebuild of the read models: their tables and checkpoint go, the chain stays', async () => {
    const before = await readChainHead(dataSource.manager);
    await projectUntilLive(store, dataSource);
    await dataSource.query(`DELETE FROM projection_checkpoints WHERE projection = $1`, [READ_MODELS_PROJECTION]);
    await dataSource.query(`TRUNCATE keys, roles, workspaces`);
    await projectUntilLive(store, dataSource);
    expect(await readChainHead(dataSource.manager)).toEqual(before);
    expect(await check()).toMatchObject({ ok: true, checked: EVENTS });
  });

  it('does not judge events the follower has not reached, and chains them when it does', async () => {
    await appendKeys(EVENTS + 1, EVENTS + 5);
    expect(await check()).toMatchObject({ ok: true, checked: EVENTS });
    await follow();
    expect(await check()).toMatchObject({ ok: true, checked: EVENTS + 5, head: { position: String(EVENTS + 5) } });
  });

  it.each([
    ['altered', 'one event’s data edited', `UPDATE ${HISTORY} SET data = jsonb_set(data, '{name}', '"forged"') WHERE global_position = 15`, '15'],
    ['altered', 'one event’s metadata edited', `UPDATE ${HISTORY} SET metadata = jsonb_set(metadata, '{actor}', '"mallory"') WHERE global_position = 7`, '7'],
    ['removed', 'one event deleted', `DELETE FROM ${HISTORY} WHERE global_position = 15`, '15'],
    ['removed', 'the last event deleted', `DELETE FROM ${HISTORY} WHERE global_position = ${EVENTS}`, String(EVENTS)],
    [
      'reordered',
      'two events swapped in the commit order',
      `UPDATE ${HISTORY} e SET transaction_id = o.transaction_id FROM ${HISTORY} o
       WHERE (e.global_position, o.global_position) IN ((10, 20), (20, 10))`,
      '10',
    ],
    [
      'inserted',
      'one event inserted in the middle',
      `INSERT INTO ${HISTORY} (global_position, transaction_id, stream_id, stream_version, event_id, type, data, metadata)
       SELECT 1000, transaction_id, 'key-forged', 0, gen_random_uuid(), type, data, metadata FROM ${HISTORY} WHERE global_position = 12`,
      '1000',
    ],
  ])('finds the history %s when %s, at the exact first bad position', async (reason, _what, tamper, position) => {
    await dataSource.query(tamper);
    expect(await check()).toMatchObject({ ok: false, firstBadPosition: position, reason });
  });

  it('checks a range, starting from the stored hash before it', async () => {
    expect(await check({ from: 5n, to: 20n })).toMatchObject({ ok: true, checked: 16, head: { position: '20' } });
    await dataSource.query(`UPDATE ${HISTORY} SET data = jsonb_set(data, '{name}', '"forged"') WHERE global_position = 25`);
    expect(await check({ from: 5n, to: 20n })).toMatchObject({ ok: true, checked: 16 });
    expect(await check({ from: 21n })).toMatchObject({ ok: false, checked: 4, firstBadPosition: '25', reason: 'altered' });
    await expect(check({ from: 999n })).rejects.toBeInstanceOf(UnchainedPositionError);
  });
});
