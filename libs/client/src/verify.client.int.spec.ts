import { connect, type NatsConnection } from 'nats';
import type { VerifyAnswer } from '@keyward/contracts';
import { generateKeySecret } from '@keyward/domain';
import { requireEnv } from '@keyward/testing';
import { InvalidRequirementError } from './key-requirement';
import { FakeVerifier, testVerifySubject } from './testing/fake-verifier';
import { VALID_ANSWER } from './testing/verify-answers';
import { NoVerifierError, VerifierTimeoutError, VerifierUnavailableError } from './verifier-unavailable.error';
import { VerifyClient } from './verify.client';

jest.setTimeout(20_000);

const KEY = generateKeySecret('live');
const answering = (answer: VerifyAnswer) => (): string => JSON.stringify(answer);
const failureOf = (promise: Promise<unknown>): Promise<unknown> => promise.then(() => undefined, (error: unknown) => error);

describe('VerifyClient against the real NATS', () => {
  const natsUrl = requireEnv('NATS_URL');
  let nats: NatsConnection;
  let subject: string;
  const verifiers: FakeVerifier[] = [];

  const fake = async (answer: (request: unknown) => string | undefined): Promise<FakeVerifier> => {
    const verifier = await FakeVerifier.start(nats, subject, answer);
    verifiers.push(verifier);
    return verifier;
  };

  beforeAll(async () => {
    nats = await connect({ servers: natsUrl });
  });

  beforeEach(() => {
    subject = testVerifySubject();
  });

  afterEach(() => {
    for (const v of verifiers.splice(0)) v.stop();
  });

  afterAll(async () => {
    await nats?.drain();
  });

  it('sends the key, the requirement, the ip, the cost and the named limits as plain JSON and answers typed', async () => {
    const verifier = await fake(answering(VALID_ANSWER));
    const client = new VerifyClient(nats, { subject });
    expect(await client.verify(KEY, ['calls:read', 'workflows/wf_42:read'], { ip: '203.0.113.9' })).toEqual(VALID_ANSWER);
    expect(await client.verify(KEY, 'calls:read')).toEqual(VALID_ANSWER);
    expect(await client.verify(KEY)).toEqual(VALID_ANSWER);
    expect(await client.verify(KEY, undefined, { cost: 0, ratelimits: [{ name: 'tokens', cost: 30 }] })).toEqual(VALID_ANSWER);
    expect(verifier.received).toEqual([
      { key: KEY, require: ['calls:read', 'workflows/wf_42:read'], ip: '203.0.113.9' },
      { key: KEY, require: 'calls:read' },
      { key: KEY },
      { key: KEY, cost: 0, ratelimits: [{ name: 'tokens', cost: 30 }] },
    ]);
  });

  it('passes a denial through as it comes', async () => {
    const denial: VerifyAnswer = { ...VALID_ANSWER, valid: false, code: 'INSUFFICIENT_PERMISSIONS' };
    await fake(answering(denial));
    expect(await new VerifyClient(nats, { subject }).verify(KEY, 'calls:write')).toEqual(denial);
  });

  it.each([[''], ['not a key'], [`${KEY}x`], [KEY.slice(0, -1) + (KEY.endsWith('A') ? 'B' : 'A')]])(
    'answers MALFORMED for %j without a request',
    async (key) => {
      const verifier = await fake(answering(VALID_ANSWER));
      expect(await new VerifyClient(nats, { subject }).verify(key)).toEqual({ valid: false, code: 'MALFORMED' });
      expect(verifier.received).toEqual([]);
    },
  );

  it('throws for a requirement that is not made of permissions, without a request', async () => {
    const verifier = await fake(answering(VALID_ANSWER));
    await expect(new VerifyClient(nats, { subject }).verify(KEY, 'calls')).rejects.toThrow(InvalidRequirementError);
    expect(verifier.received).toEqual([]);
  });

  it('tells "no verifier subscribed" at once, without waiting for the timeout', async () => {
    const started = Date.now();
    const error = await failureOf(new VerifyClient(nats, { subject, timeoutMs: 5_000 }).verify(KEY));
    expect(error).toBeInstanceOf(NoVerifierError);
    expect(error).toBeInstanceOf(VerifierUnavailableError);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("times out after the client's default, or after the call's own timeout", async () => {
    await fake(() => undefined); // subscribed, never answers
    const client = new VerifyClient(nats, { subject, timeoutMs: 300 });
    let started = Date.now();
    const byDefault = await failureOf(client.verify(KEY));
    expect(byDefault).toBeInstanceOf(VerifierTimeoutError);
    expect(byDefault).toMatchObject({ timeoutMs: 300 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    started = Date.now();
    const perCall = await failureOf(client.verify(KEY, undefined, { timeoutMs: 100 }));
    expect(perCall).toBeInstanceOf(VerifierTimeoutError);
    expect(perCall).toMatchObject({ timeoutMs: 100 });
    expect(Date.now() - started).toBeLessThan(280);
  });

  it('refuses an answer that is not a verify answer', async () => {
    await fake(() => '{"valid":true,"code":"VALID"}');
    await expect(new VerifyClient(nats, { subject }).verify(KEY)).rejects.toThrow(VerifierUnavailableError);
  });

  it('connect() owns its connection and close() closes it; a given connection is left open', async () => {
    await fake(answering(VALID_ANSWER));
    const owning = await VerifyClient.connect(natsUrl, { subject });
    expect((await owning.verify(KEY)).code).toBe('VALID');
    await owning.close();
    await expect(owning.verify(KEY)).rejects.toThrow(VerifierUnavailableError);
    await owning.close(); // twice is harmless

    const borrowing = new VerifyClient(nats, { subject });
    await borrowing.close();
    expect(nats.isClosed()).toBe(false);
    expect((await borrowing.verify(KEY)).code).toBe('VALID');
  });

  it('refuses a timeout that is not a positive whole number', () => {
    expect(() => new VerifyClient(nats, { timeoutMs: 0 })).toThrow(RangeError);
    expect(() => new VerifyClient(nats, { timeoutMs: 1.5 })).toThrow(RangeError);
  });
});
