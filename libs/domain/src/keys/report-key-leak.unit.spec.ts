import { ErrorCodes, type KeyEvent } from '@keyward/contracts';
import { deciderSpecification, KEY_ID, keyCreated, keyRevoked, NOW, OTHER_WORKSPACE_ID, revokeKey, WORKSPACE_ID } from '../testing';
import type { ReportKeyLeak } from './key.commands';
import { keyDecider } from './key.decider';
import { evolveKey } from './evolve-key';
import { initialKeyState } from './key.state';

const { given } = deciderSpecification(keyDecider, NOW);
const REPORT = 'a'.repeat(64);
const report = (over: Partial<Omit<ReportKeyLeak, 'type'>> = {}): ReportKeyLeak => ({
  type: 'ReportKeyLeak',
  keyId: KEY_ID,
  workspaceId: WORKSPACE_ID,
  reportId: REPORT,
  url: 'https://github.com/octo/repo/blob/main/.env',
  source: 'content',
  revokeLeakedKeys: true,
  secretCurrent: true,
  ...over,
});
const reported = (over: Partial<Extract<KeyEvent, { type: 'KeyLeakReported' }>['data']> = {}): KeyEvent => ({
  type: 'KeyLeakReported',
  data: { keyId: KEY_ID, workspaceId: WORKSPACE_ID, reportId: REPORT, url: 'https://github.com/octo/repo/blob/main/.env', source: 'content', reportedAt: NOW.toISOString(), ...over },
});
const revokedForLeak: KeyEvent = { type: 'KeyRevoked', data: { keyId: KEY_ID, revokedAt: NOW.toISOString(), reason: 'leak-reported' } };

describe('ReportKeyLeak', () => {
  it('records the report, url and source kept, and revokes the key with the reason', () => {
    given([keyCreated()]).when(report()).then([reported(), revokedForLeak]);
  });

  it('only records it where the workspace keeps leaked keys alive', () => {
    given([keyCreated()]).when(report({ revokeLeakedKeys: false })).then([reported()]);
  });

  it('only records it for a rotated-away secret past its grace period: the live key is not the leaked one', () => {
    given([keyCreated()]).when(report({ secretCurrent: false })).then([reported()]);
  });

  it('leaves out a url and source the report did not give', () => {
    given([keyCreated()])
      .when(report({ url: undefined, source: undefined, revokeLeakedKeys: false }))
      .then([{ type: 'KeyLeakReported', data: { keyId: KEY_ID, workspaceId: WORKSPACE_ID, reportId: REPORT, reportedAt: NOW.toISOString() } }]);
  });

  it('changes nothing for a report it has seen (a replay)', () => {
    given([keyCreated(), reported()]).when(report({ revokeLeakedKeys: false })).then([]);
  });

  it('records another report of a key still alive', () => {
    const other = 'b'.repeat(64);
    given([keyCreated(), reported()]).when(report({ reportId: other, revokeLeakedKeys: false })).then([reported({ reportId: other })]);
  });

  it('changes nothing for a revoked or a deleted key', () => {
    given([keyCreated(), keyRevoked()]).when(report()).then([]);
    given([keyCreated(), { type: 'KeyDeleted', data: { keyId: KEY_ID, deletedAt: NOW.toISOString() } }]).when(report()).then([]);
  });

  it('revokes an expired key, so that a new expiry cannot bring the secret back', () => {
    given([keyCreated({ expiresAt: '2026-01-01T00:00:00.000Z' })]).when(report()).then([reported(), revokedForLeak]);
  });

  it('answers an unknown key, or one of another workspace, as not found', () => {
    given([]).when(report()).then({ code: ErrorCodes.keyNotFound });
    given([keyCreated()]).when(report({ workspaceId: OTHER_WORKSPACE_ID })).then({ code: ErrorCodes.keyNotFound });
  });

  it('evolves the reports seen into the state, and the revocation as any other', () => {
    const state = [keyCreated(), reported(), revokedForLeak].reduce(evolveKey, initialKeyState);
    expect(state).toMatchObject({ status: 'revoked', leakReports: [REPORT], revokedAt: NOW.toISOString() });
  });
});

describe('RevokeKey with a reason', () => {
  it('keeps the reason on the event; an admin revocation has none', () => {
    given([keyCreated()]).when(revokeKey({ reason: 'leaked-by-holder' })).then([{ type: 'KeyRevoked', data: { keyId: KEY_ID, revokedAt: NOW.toISOString(), reason: 'leaked-by-holder' } }]);
    given([keyCreated()]).when(revokeKey()).then([{ type: 'KeyRevoked', data: { keyId: KEY_ID, revokedAt: NOW.toISOString() } }]);
  });
});

describe('ReportKeyLeak input', () => {
  it('refuses a report id that is no SHA-256, and a url or source too long', () => {
    given([keyCreated()]).when(report({ reportId: 'not-a-hash' })).then({ code: ErrorCodes.validationFailed, field: 'reportId' });
    given([keyCreated()]).when(report({ url: `https://x/${'a'.repeat(2_048)}` })).then({ code: ErrorCodes.validationFailed, field: 'url' });
    given([keyCreated()]).when(report({ source: 's'.repeat(101) })).then({ code: ErrorCodes.validationFailed, field: 'source' });
  });
});
