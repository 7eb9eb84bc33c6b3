import type { EventMetadata } from '@keyward/contracts';
import { DomainError } from '@keyward/domain';
import { earlierAttempt } from './earlier-attempt';

const NOW = '2026-12-02T12:00:00.000Z';
const FP = 'a'.repeat(64);

const metadata = (over: Partial<EventMetadata> = {}): EventMetadata => ({
  workspaceId: 'default',
  actor: 'key_x',
  correlationId: 'c',
  causationId: 'c',
  occurredAt: NOW,
  schemaVersion: 1,
  ...over,
});
const request = metadata({ idempotencyKey: 'k1', requestFingerprint: FP });
const event = (over: Partial<EventMetadata> = {}) => ({ metadata: metadata(over) });
const byK1 = (over: Partial<EventMetadata> = {}) => event({ idempotencyKey: 'k1', requestFingerprint: FP, ...over });

describe('earlierAttempt', () => {
  it('finds nothing for a request without a key, whatever the stream holds', () => {
    expect(earlierAttempt([byK1()], metadata())).toBeUndefined();
  });

  it('finds nothing on a stream the key never wrote to', () => {
    expect(earlierAttempt([event(), event({ idempotencyKey: 'k2', requestFingerprint: 'b'.repeat(64) })], request)).toBeUndefined();
  });

  it('finds the events the earlier attempt appended, between others', () => {
    expect(earlierAttempt([event(), byK1(), byK1(), event()], request)).toEqual({ start: 1, end: 3 });
  });

  it('answers CONFLICT when the key was used for another request (another fingerprint)', () => {
    const attempt = () => earlierAttempt([event(), byK1({ requestFingerprint: 'b'.repeat(64) })], request);
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });

  it("ignores another workspace's events: a foreign stream stays unknown", () => {
    expect(earlierAttempt([byK1({ workspaceId: 'ws_other', requestFingerprint: 'b'.repeat(64) })], request)).toBeUndefined();
  });

  it('forgets a key after 24 hours, as the gateway does', () => {
    expect(earlierAttempt([byK1({ occurredAt: '2026-12-01T12:00:00.000Z' })], request)).toBeUndefined();
    expect(earlierAttempt([byK1({ occurredAt: '2026-12-01T12:00:00.001Z' })], request)).toEqual({ start: 0, end: 1 });
  });
});
