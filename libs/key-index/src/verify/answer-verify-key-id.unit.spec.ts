import type { VerifyAnswer } from '@keyward/contracts';
import { generateKeySecret, storedSecretOf } from '@keyward/domain';
import { KeyIndex } from '../key-index/key-index';
import { answeredAtOnce, grantingLimiter, keyCreated, memoryCredits, recorded, restrictedKey, TEST_NOW as NOW, TEST_PEPPER as pepper } from '../testing/verifier-events';
import { answerVerify, answerVerifyKeyId } from './answer-verify';
import { DescribedAnswers } from './described-answers';

const setup = () => {
  const index = new KeyIndex();
  const { secret, keyId, event } = restrictedKey(['read-only']);
  index.apply(event);
  let serving = true;
  const context = { index, pepper, serving: () => serving, described: new DescribedAnswers(), limiter: grantingLimiter(), credits: memoryCredits() };
  const encode = (request: unknown): Buffer => Buffer.from(typeof request === 'string' ? request : JSON.stringify(request));
  const byId = (request: unknown, now = NOW): VerifyAnswer => answeredAtOnce(answerVerifyKeyId(encode(request), context, now));
  const bySecret = (request: unknown, now = NOW): VerifyAnswer => answeredAtOnce(answerVerify(encode(request), context, now));
  return { index, secret, keyId, byId, bySecret, stopServing: () => (serving = false) };
};

describe('answerVerifyKeyId', () => {
  it('answers exactly what verify answers the key’s secret, with and without a requirement', () => {
    const { secret, keyId, byId, bySecret } = setup();
    for (const require of [undefined, 'api_keys:read', 'api_keys:write', ['api_keys:read', 'roles:read']]) {
      expect(byId({ keyId, require })).toEqual(bySecret({ key: secret, require }));
    }
    expect(byId({ keyId, require: 'api_keys:write' }).code).toBe('INSUFFICIENT_PERMISSIONS');
  });

  it.each([['not json', '{"keyId":'], ['null', 'null'], ['no key id', {}], ['a number', { keyId: 7 }], ['an empty id', { keyId: '' }], ['a long id', { keyId: 'k'.repeat(129) }], ['a bad require', { keyId: 'key_1', require: 5 }]])(
    'answers MALFORMED for %s',
    (_, request) => {
      expect(setup().byId(request)).toEqual({ valid: false, code: 'MALFORMED' });
    },
  );

  it('answers NOT_FOUND for an unknown id, UNAVAILABLE when not serving', () => {
    const { keyId, byId, stopServing } = setup();
    expect(byId({ keyId: 'key_unknown' })).toEqual({ valid: false, code: 'NOT_FOUND' });
    stopServing();
    expect(byId({ keyId })).toEqual({ valid: false, code: 'UNAVAILABLE' });
  });

  it('answers REVOKED at once after the key is revoked, and after it is deleted', () => {
    const { keyId, byId, index } = setup();
    index.apply(recorded({ type: 'KeyRevoked', data: { keyId, revokedAt: '2026-11-23T10:00:00.000Z' } }));
    expect(byId({ keyId })).toEqual({ valid: false, code: 'REVOKED', keyId });
    const other = keyCreated();
    index.apply(other.event);
    index.apply(recorded({ type: 'KeyDeleted', data: { keyId: other.keyId, deletedAt: '2026-11-23T10:00:00.000Z' } }));
    expect(byId({ keyId: other.keyId }).code).toBe('REVOKED');
  });

  it('follows the key through a rotation: its id stays VALID while the old secret runs out', () => {
    const { keyId, byId, index } = setup();
    const next = generateKeySecret('live');
    index.apply(recorded({ type: 'KeyRotated', data: { keyId, ...storedSecretOf(pepper, next), rotatedAt: '2026-11-23T10:00:00.000Z', previousKeyExpiresAt: '2026-11-23T10:05:00.000Z' } }));
    expect(byId({ keyId }, Date.parse('2026-11-23T11:00:00.000Z')).code).toBe('VALID');
  });
});
