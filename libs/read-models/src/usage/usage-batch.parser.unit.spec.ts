import { UsageStream } from '@keyward/contracts';
import { parseUsageBatch } from './usage-batch.parser';

const BATCH_ID = '0193a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b';
const entry = (over: Record<string, unknown> = {}) => ({ workspaceId: 'default', keyId: 'key_a', hour: '2026-12-02T18:00:00.000Z', counts: { VALID: 3, REVOKED: 1 }, lastValidAt: '2026-12-02T18:12:00Z', ...over });
const bytes = (value: unknown): Uint8Array => Buffer.from(JSON.stringify(value));
const parsed = (...entries: unknown[]) => parseUsageBatch(bytes({ batchId: BATCH_ID, entries }));

describe('parseUsageBatch', () => {
  it('reads a batch, times normalised', () => {
    expect(parsed(entry())).toEqual({ batchId: BATCH_ID, entries: [{ ...entry(), lastValidAt: '2026-12-02T18:12:00.000Z' }] });
  });

  it.each([
    ['not JSON', Buffer.from('{')],
    ['no batch id', bytes({ entries: [entry()] })],
    ['a batch id that is not a UUID', bytes({ batchId: 'x', entries: [entry()] })],
    ['more entries than a verifier sends at once', bytes({ batchId: BATCH_ID, entries: Array.from({ length: UsageStream.maxEntriesPerBatch + 1 }, () => entry()) })],
    ['an hour that is not on the hour', bytes({ batchId: BATCH_ID, entries: [entry({ hour: '2026-12-02T18:30:00Z' })] })],
    ['a year PostgreSQL refuses', bytes({ batchId: BATCH_ID, entries: [entry({ hour: '+010000-01-01T00:00:00Z' })] })],
    ['a last use before 2000', bytes({ batchId: BATCH_ID, entries: [entry({ lastValidAt: '1970-01-01T00:00:00Z' })] })],
    ['a count beyond what a key gets in an hour', bytes({ batchId: BATCH_ID, entries: [entry({ counts: { VALID: 2 ** 40 } })] })],
    ['a count of 0', bytes({ batchId: BATCH_ID, entries: [entry({ counts: { VALID: 0 } })] })],
    ['a code that names no key', bytes({ batchId: BATCH_ID, entries: [entry({ counts: { NOT_FOUND: 1 } })] })],
    ['an odd key id', bytes({ batchId: BATCH_ID, entries: [entry({ keyId: 'key a' })] })],
  ])('refuses %s', (_what, data) => {
    expect(parseUsageBatch(data)).toBeUndefined();
  });

  it('takes a batch of the largest size a verifier sends', () => {
    expect(parsed(...Array.from({ length: UsageStream.maxEntriesPerBatch }, (_, i) => entry({ keyId: `key_${i}` })))?.entries).toHaveLength(UsageStream.maxEntriesPerBatch);
  });
});
