import type { KeyCreatedData, VerifyAnswer } from '@keyward/contracts';
import { generateKeySecret, storedSecretOf } from '@keyward/domain';
import { KeyIndex } from '../key-index/key-index';
import { keyCreated, recorded, TEST_NOW as NOW, TEST_PEPPER as pepper } from '../testing/verifier-events';
import { answerVerify } from './answer-verify';
import { DescribedAnswers } from './described-answers';

const setup = (over: Partial<KeyCreatedData> = {}) => {
  const index = new KeyIndex();
  const { secret, keyId, event } = keyCreated(over);
  index.apply(event);
  let serving = true;
  const context = { index, pepper, serving: () => serving, described: new DescribedAnswers() };
  const ask = (request: unknown, now = NOW): VerifyAnswer => answerVerify(Buffer.from(typeof request === 'string' ? request : JSON.stringify(request)), context, now);
  return { index, secret, keyId, ask, stopServing: () => (serving = false) };
};

describe('answerVerify', () => {
  it('answers VALID with who the key is and what it holds', () => {
    const { secret, keyId, ask } = setup();
    expect(ask({ key: secret })).toEqual({
      valid: true,
      code: 'VALID',
      keyId,
      workspaceId: 'default',
      name: 'k',
      environment: 'live',
      expiresAt: null,
      roles: [],
      permissions: ['*:write'],
    });
  });

  it.each([['not json', '{"key":'], ['an array', [1]], ['null', 'null'], ['no key', {}], ['a number key', { key: 7 }]])(
    'answers MALFORMED for %s',
    (_, request) => {
      const { ask } = setup();
      expect(ask(request)).toEqual({ valid: false, code: 'MALFORMED' });
    },
  );

  it('answers MALFORMED for a bad checksum before any lookup, NOT_FOUND for an unknown key', () => {
    const { secret, ask } = setup();
    expect(ask({ key: `${secret.slice(0, -1)}${secret.endsWith('0') ? '1' : '0'}` })).toEqual({ valid: false, code: 'MALFORMED' });
    expect(ask({ key: generateKeySecret('live') })).toEqual({ valid: false, code: 'NOT_FOUND' });
  });

  it('answers UNAVAILABLE when not serving, for well-formed keys', () => {
    const { secret, ask, stopServing } = setup();
    stopServing();
    expect(ask({ key: secret })).toEqual({ valid: false, code: 'UNAVAILABLE' });
  });

  it('answers EXPIRED past the expiry, REVOKED once revoked', () => {
    const { secret, keyId, ask, index } = setup({ expiresAt: '2026-11-23T11:00:00.000Z' });
    expect(ask({ key: secret }, Date.parse('2026-11-23T11:00:00.000Z'))).toEqual({ valid: false, code: 'EXPIRED', keyId });
    index.apply(recorded({ type: 'KeyRevoked', data: { keyId, revokedAt: '2026-11-23T10:00:00.000Z' } }));
    expect(ask({ key: secret })).toEqual({ valid: false, code: 'REVOKED', keyId });
  });

  it('keeps the old secret valid through the grace period only', () => {
    const { secret, keyId, ask, index } = setup();
    const next = generateKeySecret('live');
    index.apply(recorded({ type: 'KeyRotated', data: { keyId, ...storedSecretOf(pepper, next), rotatedAt: '2026-11-23T10:00:00.000Z', previousKeyExpiresAt: '2026-11-23T10:05:00.000Z' } }));
    expect(ask({ key: secret }).code).toBe('VALID');
    expect(ask({ key: next }).code).toBe('VALID');
    expect(ask({ key: secret }, Date.parse('2026-11-23T10:05:00.000Z')).code).toBe('EXPIRED');
    expect(ask({ key: next }, Date.parse('2026-11-23T10:05:00.000Z')).code).toBe('VALID');
  });
});
