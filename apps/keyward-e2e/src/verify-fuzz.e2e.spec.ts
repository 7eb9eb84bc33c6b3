import fc from 'fast-check';
import { Subjects, VerifyCodes, type CreateKeyResult, type VerifyCode } from '@keyward/contracts';
import { generateKeySecret } from '@keyward/domain';
import { KeywardStack } from './support/keyward-stack';
import { leakedSecrets } from './support/secrets';

/**
 * Fuzzes `keyward.v1.verify`, the subject any service on the bus may call: random JSON, bytes
 * that are not JSON or not UTF-8, huge payloads, odd `require` values, lone surrogates. Fixed
 * seed and bounded runs; KEYWARD_FUZZ_RUNS raises them for a longer run, KEYWARD_FUZZ_SEED
 * explores other cases.
 */
jest.setTimeout(300_000);

const SEED = Number(process.env.KEYWARD_FUZZ_SEED ?? 6_008);
const RUNS = Number(process.env.KEYWARD_FUZZ_RUNS ?? 12) * 40;
const ANSWER_FIELDS = ['valid', 'code', 'keyId', 'workspaceId', 'name', 'environment', 'expiresAt', 'roles', 'permissions', 'ratelimit'];

const encoder = new TextEncoder();
const jsonBytes = (value: unknown): Uint8Array => encoder.encode(JSON.stringify(value) ?? 'null');

/** What is wrong with an answer: not JSON, not a verify answer, or VALID for a key that is not the real one. */
const answerProblem = (data: Uint8Array, mayBeValid: boolean): string | undefined => {
  let answer: Record<string, unknown>;
  try {
    answer = JSON.parse(Buffer.from(data).toString('utf8')) as Record<string, unknown>;
  } catch {
    return 'the answer is not JSON';
  }
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) return 'the answer is not an object';
  if (!Object.keys(answer).every((k) => ANSWER_FIELDS.includes(k))) return `unknown fields: ${Object.keys(answer).join(',')}`;
  if (typeof answer.valid !== 'boolean' || !VerifyCodes.includes(answer.code as VerifyCode)) return `not a verify answer: ${JSON.stringify(answer)}`;
  if (answer.valid !== (answer.code === 'VALID')) return `valid and code disagree: ${JSON.stringify(answer)}`;
  if (answer.valid && !mayBeValid) return 'VALID for a key that is not a real one';
  if (answer.code === 'NOT_FOUND' && Object.keys(answer).length !== 2) return 'NOT_FOUND tells more than the code';
  return undefined;
};

describe('NATS fuzz of keyward.v1.verify', () => {
  let stack: KeywardStack;
  let real: CreateKeyResult;

  beforeAll(async () => {
    stack = await KeywardStack.start();
    const res = await stack.api<CreateKeyResult>('POST', '/v1/keys', { name: 'verify fuzz', permissions: { calls: 'write' } });
    if (res.status !== 201) throw new Error(`creating the key answered ${res.status}`);
    real = res.body;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('answers every fuzzed request with a verify answer, VALID only for the real key', async () => {
    const lone = fc.constantFrom('\ud800', 'a\udc00', `${real.key.slice(0, 20)}\ud800${real.key.slice(21)}`, 'kw_live_\udfff');
    const key = fc.oneof(
      fc.constant(real.key),
      fc.constant(generateKeySecret('live')),
      fc.constant(stack.rootKey),
      fc.string({ unit: 'binary', maxLength: 60 }),
      lone,
      fc.constant(`${real.key}x`),
      fc.constant(real.key.toLowerCase()),
      fc.jsonValue({ maxDepth: 2 }),
    );
    const permission = fc.oneof(fc.constantFrom('calls:read', 'calls:write', '*:read', 'workflows/wf_1:read', 'calls', ':read', '*:*', 'calls:read\u0000'), fc.string({ maxLength: 20 }), lone);
    const query = fc.constantFrom('calls:read OR workflows/wf_1:read', '(calls:read AND *:read) OR calls:write', 'calls:read AND', 'calls:read and calls:write', `${'('.repeat(9)}calls:read${')'.repeat(9)}`, ')(');
    const require = fc.oneof(
      permission,
      query,
      fc.array(permission, { maxLength: 5 }),
      fc.array(fc.constant('calls:read'), { minLength: 33, maxLength: 40 }),
      fc.jsonValue({ maxDepth: 3 }),
    );
    const request = fc.record({ key, require, ip: fc.oneof(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 1 })), extra: fc.jsonValue({ maxDepth: 2 }) }, { requiredKeys: [] });
    const payload = fc.oneof(
      { weight: 6, arbitrary: request.map((r) => ({ bytes: jsonBytes(r), mayBeValid: r.key === real.key })) },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => ({ bytes: jsonBytes(v), mayBeValid: false })) },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 256 }).map((bytes) => ({ bytes, mayBeValid: false })) },
      {
        weight: 1,
        // Not UTF-8: an encoded lone surrogate inside the key, and a truncated sequence.
        arbitrary: fc.constantFrom('{"key":"kw_live_\xed\xa0\x80"}', '{"key":"\xf0\x9f"}', '{"key":"kw_live_\xff"}').map((text) => ({ bytes: Buffer.from(text, 'latin1'), mayBeValid: false })),
      },
    );
    const cases = fc.sample(payload, { seed: SEED, numRuns: RUNS });
    // Written as text: serialising them would take deeper recursion than parsing them does.
    const deep = (levels: number): string => `${'['.repeat(levels)}${']'.repeat(levels)}`;
    const huge = [
      encoder.encode(`{"key":${JSON.stringify(real.key)},"require":${deep(5_000)}}`),
      encoder.encode(`{"key":${deep(100_000)}}`),
      jsonBytes({ key: 'k'.repeat(900_000) }),
      jsonBytes({ key: real.key, require: Array.from({ length: 70_000 }, () => 'calls:read') }),
      jsonBytes({ key: real.key, require: 'x'.repeat(900_000) }),
      Buffer.alloc(900_000, 0xff),
    ].map((bytes) => ({ bytes, mayBeValid: false }));
    const problems: string[] = [];
    for (const { bytes, mayBeValid } of [...cases, ...huge]) {
      const reply = await stack.nats.request(Subjects.verify, bytes, { timeout: 5_000 }).catch((error: unknown) => error as Error);
      const problem = reply instanceof Error ? `no answer: ${reply.message}` : answerProblem(reply.data, mayBeValid);
      if (problem) problems.push(`${Buffer.from(bytes.subarray(0, 100)).toString('utf8')} → ${problem}`);
    }
    expect(problems).toEqual([]);
  });

  it('leaves the verifier running and answering VALID for the real key, with no stack trace in any log', async () => {
    expect(stack.running('verifier')).toHaveLength(1);
    expect(await stack.verify(real.key, 'calls:write')).toMatchObject({ valid: true, code: 'VALID', keyId: real.id });
    expect(stack.logs).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(stack.logs).not.toMatch(/verify failed|Unhandled/);
    expect(leakedSecrets(stack.logs, [real.key, stack.rootKey])).toEqual([]);
  });
});
