import { generateKeySecret, storedSecretOf } from '@keyward/domain';
import { KeyIndex } from '../key-index/key-index';
import { keyCreated, recorded, TEST_NOW as NOW, TEST_PEPPER as pepper } from '../testing/verifier-events';
import { answerFindKey } from './answer-find-key';

const setup = () => {
  const index = new KeyIndex();
  const created = keyCreated({ workspaceId: 'ws_acme' });
  index.apply(created.event);
  let serving = true;
  const ask = (request: unknown) => answerFindKey(Buffer.from(typeof request === 'string' ? request : JSON.stringify(request)), { index, pepper, serving: () => serving }, NOW);
  return { index, ...created, ask, stopServing: () => (serving = false) };
};

describe('answerFindKey', () => {
  it('names the key and its workspace, and nothing else', () => {
    const { secret, keyId, ask } = setup();
    expect(ask({ key: secret })).toEqual({ code: 'FOUND', keyId, workspaceId: 'ws_acme', current: true });
  });

  it('finds a revoked key and a rotated-away secret too: the domain decides what a report does to them', () => {
    const { index, secret, keyId, ask } = setup();
    const next = generateKeySecret('live');
    index.apply(recorded({ type: 'KeyRotated', data: { keyId, ...storedSecretOf(pepper, next), rotatedAt: new Date(NOW).toISOString(), previousKeyExpiresAt: new Date(NOW).toISOString() } }));
    index.apply(recorded({ type: 'KeyRevoked', data: { keyId, revokedAt: new Date(NOW).toISOString() } }));
    expect(ask({ key: secret })).toMatchObject({ code: 'FOUND', keyId });
    expect(ask({ key: next })).toMatchObject({ code: 'FOUND', keyId });
  });

  it.each([
    ['still in its grace period', NOW + 1, true],
    ['past its grace period', NOW, false],
  ])('calls a rotated-away secret %s current=%s; the new one is current', (_, previousKeyExpiresAt, current) => {
    const { index, secret, keyId, ask } = setup();
    const next = generateKeySecret('live');
    index.apply(recorded({ type: 'KeyRotated', data: { keyId, ...storedSecretOf(pepper, next), rotatedAt: new Date(NOW - 1).toISOString(), previousKeyExpiresAt: new Date(previousKeyExpiresAt).toISOString() } }));
    expect(ask({ key: secret })).toEqual({ code: 'FOUND', keyId, workspaceId: 'ws_acme', current });
    expect(ask({ key: next })).toMatchObject({ current: true });
  });

  it.each([['not json', '{"key":'], ['null', 'null'], ['no key', {}], ['a bad checksum', { key: 'kw_live_' + '0'.repeat(38) }]])('answers MALFORMED for %s', (_, request) => {
    expect(setup().ask(request)).toEqual({ code: 'MALFORMED' });
  });

  it('answers NOT_FOUND for an unknown well-formed key, UNAVAILABLE when not serving', () => {
    const { secret, ask, stopServing } = setup();
    expect(ask({ key: generateKeySecret('live') })).toEqual({ code: 'NOT_FOUND' });
    stopServing();
    expect(ask({ key: secret })).toEqual({ code: 'UNAVAILABLE' });
    expect(ask({ key: 'nope' })).toEqual({ code: 'MALFORMED' });
  });
});
