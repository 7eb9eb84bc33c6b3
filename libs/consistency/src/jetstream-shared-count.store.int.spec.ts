import { randomBytes } from 'node:crypto';
import { connect, StorageType, type NatsConnection } from 'nats';
import type { SharedCountCodec } from './shared-count.store';
import { JetStreamSharedCountStore } from './jetstream-shared-count.store';

const BUCKET = 'keyward-shared-count-test';
/** Counts as decimal text; anything else is not a count. */
const decimal: SharedCountCodec<number> = {
  encode: (n) => Buffer.from(String(n), 'ascii'),
  decode: (bytes) => (/^\d{1,15}$/.test(Buffer.from(bytes).toString('ascii')) ? Number(Buffer.from(bytes).toString('ascii')) : undefined),
};
const freshId = (): string => `key_${randomBytes(12).toString('hex')}`;

/** Real NATS: what a read says of an entry that is missing, counted, deleted or purged by hand, or of another format. */
describe('JetStreamSharedCountStore', () => {
  let nats: NatsConnection;
  let store: JetStreamSharedCountStore<number>;

  beforeEach(async () => {
    if (!process.env.NATS_URL) throw new Error('NATS_URL is not set: run the tests with "npm test"');
    nats = await connect({ servers: process.env.NATS_URL });
    store = new JetStreamSharedCountStore(nats, decimal, { bucket: BUCKET, timeoutMs: 2_000 });
  });

  afterEach(async () => {
    await nats.close();
  });

  const bucket = () => nats.jetstream().views.kv(BUCKET, { history: 1, storage: StorageType.File });

  it('reads a missing entry as absent and a written one as counted, and writes by revision', async () => {
    const id = freshId();
    expect(await store.read(id)).toEqual({ state: 'absent', revision: 0 });
    const revision = await store.write(id, 7, 0);
    expect(revision).toBeGreaterThan(0);
    expect(await store.read(id)).toEqual({ state: 'counted', count: 7, revision });
    expect(await store.write(id, 8, 0)).toBeUndefined();
  });

  it.each([
    ['deleted by hand', (kv: Awaited<ReturnType<typeof bucket>>, id: string) => kv.delete(id)],
    ['purged by hand', (kv: Awaited<ReturnType<typeof bucket>>, id: string) => kv.purge(id)],
    ['written in another format', (kv: Awaited<ReturnType<typeof bucket>>, id: string) => kv.put(id, Buffer.from('v2:7')).then(() => undefined)],
  ])('reads an entry %s as unreadable, not as nothing counted, at its revision', async (_, spoil) => {
    const id = freshId();
    await store.write(id, 7, 0);
    const kv = await bucket();
    await spoil(kv, id);
    const read = await store.read(id);
    expect(read.state).toBe('unreadable');
    expect(read.revision).toBeGreaterThan(0);
    // Its revision is what a compare-and-set names to write over it.
    expect(await store.write(id, 1, read.revision)).toBeGreaterThan(read.revision);
  });
});
