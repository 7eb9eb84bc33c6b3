import type { CreateKeyResult, KeyView, VerifyAnswer } from '@keyward/contracts';
import { KeywardStack } from './support/keyward-stack';

jest.setTimeout(120_000);

/**
 * product.md section 5: once revoke returns, no running verifier answers VALID. Verifies go
 * through the queue group, so with two verifier processes both are exercised many times.
 */
describe('consistency with two verifier processes', () => {
  let stack: KeywardStack;

  beforeAll(async () => {
    stack = await KeywardStack.start({ verifiers: 2 });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('revoke, then immediately verify: REVOKED every time, and the table already shows it', async () => {
    const rounds = 40;
    const answers: VerifyAnswer['code'][] = [];
    for (let i = 0; i < rounds; i++) {
      const created = await stack.api<CreateKeyResult>('POST', '/v1/keys', { name: `round ${i}` });
      expect(created.status).toBe(201);
      // Right after create, both verifiers already know the key.
      const fresh = await Promise.all([stack.verify(created.body.key), stack.verify(created.body.key)]);
      expect(fresh.map((a) => a.code)).toEqual(['VALID', 'VALID']);

      const revoked = await stack.api('POST', `/v1/keys/${created.body.id}/revoke`);
      expect(revoked.status).toBe(200);
      const after = await Promise.all(Array.from({ length: 6 }, () => stack.verify(created.body.key)));
      answers.push(...after.map((a) => a.code));
      expect((await stack.api<KeyView>('GET', `/v1/keys/${created.body.id}`)).body.status).toBe('revoked');
    }
    expect(answers).toHaveLength(rounds * 6);
    expect(new Set(answers)).toEqual(new Set(['REVOKED']));
  });

  it('a write waits for every live verifier: a verifier frozen for half a second delays the revoke', async () => {
    const created = await stack.api<CreateKeyResult>('POST', '/v1/keys', { name: 'frozen briefly' });
    const [verifier] = stack.running('verifier');
    verifier.kill('SIGSTOP');
    const revoking = stack.api('POST', `/v1/keys/${created.body.id}/revoke`).then((response) => ({ response, at: Date.now() }));
    await new Promise((r) => setTimeout(r, 500));
    const thawedAt = Date.now();
    verifier.kill('SIGCONT');
    const revoked = await revoking;
    expect(revoked.response.status).toBe(200);
    expect(revoked.at).toBeGreaterThanOrEqual(thawedAt);
    expect(revoked.response.headers.get('keyward-consistency')).toBeNull();
    const answers = await Promise.all(Array.from({ length: 20 }, () => stack.verify(created.body.key)));
    expect(new Set(answers.map((a) => a.code))).toEqual(new Set(['REVOKED']));
  });

  it('a verifier frozen past the bound never answers VALID for a key revoked meanwhile', async () => {
    const created = await stack.api<CreateKeyResult>('POST', '/v1/keys', { name: 'frozen long' });
    const [verifier] = stack.running('verifier');
    verifier.kill('SIGSTOP');
    const started = Date.now();
    const revoked = await stack.api('POST', `/v1/keys/${created.body.id}/revoke`);
    expect(revoked.status).toBe(200);
    // The gateway waited until the frozen verifier missed its heartbeats and counted as gone.
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
    verifier.kill('SIGCONT');
    const answers = await Promise.all(Array.from({ length: 40 }, () => stack.verify(created.body.key)));
    expect(answers.map((a) => a.code).filter((c) => c !== 'REVOKED' && c !== 'UNAVAILABLE')).toEqual([]);
    await stack.waitUntilReady();
  });

  it('a verifier that restarts answers UNAVAILABLE or from a caught-up index, never stale', async () => {
    const created = await stack.api<CreateKeyResult>('POST', '/v1/keys', { name: 'before restart' });
    const [first] = stack.running('verifier');
    await stack.stopService(first);
    await stack.api('POST', `/v1/keys/${created.body.id}/revoke`);
    stack.spawn('verifier');
    for (let i = 0; i < 50; i++) expect(['REVOKED', 'UNAVAILABLE']).toContain((await stack.verify(created.body.key)).code);
    await stack.waitUntilReady();
    expect((await stack.verify(created.body.key)).code).toBe('REVOKED');
  });
});
