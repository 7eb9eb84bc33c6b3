import { ErrorCodes } from '@keyward/contracts';
import { accessPolicy, deciderSpecification, KEY_ID, keyCreated, keyRevoked, NOW, OTHER_WORKSPACE_ID, WORKSPACE_ID } from '../testing';
import type { SetKeyEnabled } from './key.commands';
import { keyDecider } from './key.decider';

const { given } = deciderSpecification(keyDecider, NOW);
const setEnabled = (enabled: boolean, over: Partial<Omit<SetKeyEnabled, 'type' | 'enabled'>> = {}): SetKeyEnabled => ({
  type: 'SetKeyEnabled',
  keyId: KEY_ID,
  workspaceId: WORKSPACE_ID,
  enabled,
  policy: accessPolicy(),
  ...over,
});
const disabled = { type: 'KeyDisabled', data: { keyId: KEY_ID, disabledAt: NOW.toISOString() } } as const;
const enabled = { type: 'KeyEnabled', data: { keyId: KEY_ID, enabledAt: NOW.toISOString() } } as const;

describe('SetKeyEnabled', () => {
  it('disables an enabled key and enables a disabled one', () => {
    given([keyCreated()]).when(setEnabled(false)).then([disabled]);
    given([keyCreated(), disabled]).when(setEnabled(true)).then([enabled]);
  });

  it('changes nothing, and is no error, when the key is so already', () => {
    given([keyCreated()]).when(setEnabled(true)).then([]);
    given([keyCreated(), disabled]).when(setEnabled(false)).then([]);
    given([keyCreated(), disabled, enabled]).when(setEnabled(true)).then([]);
  });

  it('disables and enables an expired key: its status is its own', () => {
    given([keyCreated({ expiresAt: '2026-11-23T09:00:00.000Z' })]).when(setEnabled(false)).then([disabled]);
  });

  it('refuses a revoked key with KEY_REVOKED, either way: a revoked key stays revoked', () => {
    given([keyCreated(), keyRevoked()]).when(setEnabled(false)).then({ code: ErrorCodes.keyRevoked });
    given([keyCreated(), disabled, keyRevoked()]).when(setEnabled(true)).then({ code: ErrorCodes.keyRevoked });
  });

  it('answers a deleted key, an unknown one and another workspace’s as not found', () => {
    given([keyCreated(), { type: 'KeyDeleted', data: { keyId: KEY_ID, deletedAt: NOW.toISOString() } }]).when(setEnabled(false)).then({ code: ErrorCodes.keyNotFound });
    given([]).when(setEnabled(false)).then({ code: ErrorCodes.keyNotFound });
    given([keyCreated()]).when(setEnabled(false, { workspaceId: OTHER_WORKSPACE_ID })).then({ code: ErrorCodes.keyNotFound });
  });

  it('enables only a key within the caller’s own authority (it gives the key its access back); anyone who may write keys disables', () => {
    const writer = accessPolicy({ authority: ['api_keys:write', 'calls:read'] });
    given([keyCreated(), disabled]).when(setEnabled(true, { policy: writer })).then({ code: ErrorCodes.forbidden });
    given([keyCreated()]).when(setEnabled(false, { policy: writer })).then([disabled]);
    given([keyCreated({ unrestricted: false, permissions: { calls: 'read' } }), disabled]).when(setEnabled(true, { policy: writer })).then([enabled]);
  });
});
