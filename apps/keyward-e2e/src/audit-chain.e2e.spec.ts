import { setTimeout as sleep } from 'node:timers/promises';
import type { AuditEventPage, ChainReport, CreateKeyResult, ErrorBody } from '@keyward/contracts';
import { forgeEventData } from './support/event-log';
import { KeywardStack } from './support/keyward-stack';

jest.setTimeout(120_000);

describe('GET /v1/audit/chain against the running services', () => {
  let stack: KeywardStack;

  beforeAll(async () => {
    stack = await KeywardStack.start({ verifiers: 1 });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  /** Until the projector's follower has chained at least `events`; bounded. */
  const chained = async (events: number): Promise<ChainReport> => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const res = await stack.api<ChainReport>('GET', '/v1/audit/chain');
      expect(res.status).toBe(200);
      if (res.body.checked >= events || !res.body.ok) return res.body;
      if (Date.now() > deadline) throw new Error(`the chain did not reach ${events} events: ${JSON.stringify(res.body)}`);
      await sleep(200);
    }
  };

  it('checks the history clean as the follower chains it, then names a forged event', async () => {
    for (let n = 0; n < 3; n++) {
      const res = await stack.api<CreateKeyResult>('POST', '/v1/keys', { name: `chained ${n}`, permissions: { calls: 'read' } });
      expect(res.status).toBe(201);
    }
    const clean = await chained(3);
    expect(clean).toMatchObject({ ok: true, head: { position: expect.stringMatching(/^\d+$/), hash: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    const head = clean.head?.position ?? '';
    // Each event the auditors read carries its link: the head's is the head hash the check names.
    const events = await stack.api<AuditEventPage>('GET', '/v1/audit/events?limit=1000');
    expect(events.body.items.find((e) => e.position.endsWith(`.${head}`))?.hash).toBe(clean.head?.hash);
    expect(events.body.items.every((e) => e.hash === null || /^[0-9a-f]{64}$/.test(e.hash))).toBe(true);

    await forgeEventData(stack.database.url, head);
    const res = await stack.api<ChainReport>('GET', `/v1/audit/chain?to=${head}`);
    expect(res.body).toMatchObject({ ok: false, firstBadPosition: head, reason: 'altered', head: clean.head });
  });

  it.each([
    ['from', 'abc'],
    ['from', '999999999'],
    ['to', '999999999'],
  ])('answers 400 for %s=%s', async (field, value) => {
    const res = await stack.api<ErrorBody>('GET', `/v1/audit/chain?${field}=${value}`);
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field })]);
  });
});
