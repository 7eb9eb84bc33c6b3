import { createHash } from 'node:crypto';
import { keyStreamId, Subjects, type CreateKeyResult, type ReportKeyLeakResult } from '@keyward/contracts';
import { createTestDatabase } from '@keyward/testing';
import { commandContext, operatorContext, startKeyCommand, storedText, type KeyCommandHarness } from '../../testing/key-command.harness';

jest.setTimeout(30_000);

const S = Subjects.keyCommand;

describe('report-leak over NATS, on the real event store', () => {
  let h: KeyCommandHarness;
  const admin = commandContext();
  const reportId = (n: number): string => createHash('sha256').update(`report ${n}`).digest('hex');
  const system = (id: string) => commandContext({ actor: 'system', grants: [], causationId: id });

  const createKey = async (): Promise<CreateKeyResult> => (await h.ok<CreateKeyResult>(S.create, { context: admin, name: 'leaky', environment: 'live', expiresAt: null })).result;

  beforeAll(async () => {
    h = await startKeyCommand(await createTestDatabase());
  });

  afterAll(async () => {
    await h?.close();
  });

  it('records the report and revokes the key, actor system and causation the report; a replay changes nothing', async () => {
    const key = await createKey();
    const id = reportId(1);
    const request = { context: system(id), keyId: key.id, reportId: id, url: 'https://github.com/o/r/blob/main/.env', source: 'content', secretCurrent: true };
    expect((await h.ok<ReportKeyLeakResult>(S.reportLeak, request)).result).toEqual({ id: key.id, reported: true, revoked: true });

    const events = (await h.stream(keyStreamId(key.id))).slice(1);
    expect(events.map((e) => e.type)).toEqual(['KeyLeakReported', 'KeyRevoked']);
    expect(events[0].data).toMatchObject({ keyId: key.id, workspaceId: 'default', reportId: id, url: request.url, source: 'content' });
    expect(events[1].data).toMatchObject({ keyId: key.id, reason: 'leak-reported' });
    for (const e of events) expect(e.metadata).toMatchObject({ actor: 'system', causationId: id, correlationId: request.context.correlationId });
    expect(storedText(events)).not.toContain(key.key);

    expect((await h.ok<ReportKeyLeakResult>(S.reportLeak, { ...request, context: system(id) })).result).toEqual({ id: key.id, reported: false, revoked: false });
    expect(await h.stream(keyStreamId(key.id))).toHaveLength(3);
  });

  it("keeps the key alive where the workspace's revokeLeakedKeys is false, and records each report once", async () => {
    const workspace = await h.ok<{ id: string; adminKeyId: string }>(Subjects.workspaceCommand.create, { context: operatorContext(), name: 'keeps leaks', plan: 'pro' });
    const wsAdmin = commandContext({ workspaceId: workspace.result.id });
    await h.ok(Subjects.workspaceCommand.update, { context: wsAdmin, workspaceId: workspace.result.id, settings: { revokeLeakedKeys: false } });
    const key = (await h.ok<CreateKeyResult>(S.create, { context: wsAdmin, name: 'kept', environment: 'live', expiresAt: null })).result;
    const at = (n: number) => ({ context: { ...system(reportId(n)), workspaceId: workspace.result.id }, keyId: key.id, reportId: reportId(n), secretCurrent: true });

    expect((await h.ok<ReportKeyLeakResult>(S.reportLeak, at(2))).result).toEqual({ id: key.id, reported: true, revoked: false });
    expect((await h.ok<ReportKeyLeakResult>(S.reportLeak, at(2))).result).toEqual({ id: key.id, reported: false, revoked: false });
    expect((await h.ok<ReportKeyLeakResult>(S.reportLeak, at(3))).result).toEqual({ id: key.id, reported: true, revoked: false });
    expect((await h.stream(keyStreamId(key.id))).map((e) => e.type)).toEqual(['KeyCreated', 'KeyLeakReported', 'KeyLeakReported']);
  });

  it('records a report of a rotated-away secret past its grace period and leaves the live key alone', async () => {
    const key = await createKey();
    const id = reportId(4);
    expect((await h.ok<ReportKeyLeakResult>(S.reportLeak, { context: system(id), keyId: key.id, reportId: id, secretCurrent: false })).result).toEqual({ id: key.id, reported: true, revoked: false });
    expect((await h.stream(keyStreamId(key.id))).map((e) => e.type)).toEqual(['KeyCreated', 'KeyLeakReported']);
  });

  it('revokes with the reason a system revocation names', async () => {
    const key = await createKey();
    await h.ok(S.revoke, { context: commandContext({ actor: 'system', grants: [] }), keyId: key.id, reason: 'leaked-by-holder' });
    const [, revoked] = await h.stream(keyStreamId(key.id));
    expect(revoked).toMatchObject({ type: 'KeyRevoked', data: { reason: 'leaked-by-holder' }, metadata: { actor: 'system' } });
    expect(await h.rejection(S.revoke, { context: admin, keyId: key.id, reason: 'bored' })).toMatchObject({ code: 'VALIDATION_FAILED', field: 'reason' });
  });

  it('refuses a report id that is no SHA-256', async () => {
    const key = await createKey();
    expect(await h.rejection(S.reportLeak, { context: system('x'), keyId: key.id, reportId: 'nope', secretCurrent: true })).toMatchObject({ code: 'VALIDATION_FAILED', field: 'reportId' });
  });
});
