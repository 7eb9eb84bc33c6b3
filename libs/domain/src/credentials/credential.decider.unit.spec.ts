import { ErrorCodes, type CredentialEvent, type CredentialStored, type SealedValue } from '@keyward/contracts';
import { accessPolicy, deciderSpecification, NOW, OTHER_WORKSPACE_ID, WORKSPACE_ID } from '../testing';
import type { DeleteCredential, RotateCredentialValue, SetCredentialSharing, StoreCredential, UpdateCredential } from './credential.commands';
import { credentialDecider } from './credential.decider';
import type { KnownPrincipals } from './credential-sharing';
import { evolveCredential } from './evolve-credential';
import { initialCredentialState, type CredentialState } from './credential.state';

const ID = 'cred_aaaaaaaaaaaaaaaaaaaaaaaa';
const OWNER = 'key_oooooooooooooooooooooooo';
const KEY_B = 'key_bbbbbbbbbbbbbbbbbbbbbbbb';
const KEY_C = 'key_cccccccccccccccccccccccc';
const ROLE = 'role_aaaaaaaaaaaaaaaaaaaa';
const SEALED: SealedValue = { nonce: 'n1', ciphertext: 'c1', tag: 't1' };
const RESEALED: SealedValue = { nonce: 'n2', ciphertext: 'c2', tag: 't2' };
const KNOWN: KnownPrincipals = { keys: new Set([KEY_B, KEY_C]), roles: new Set([ROLE, 'read-only']) };
const { workspace } = accessPolicy();
const { given } = deciderSpecification(credentialDecider, NOW);
const invalid = (field: string) => ({ code: ErrorCodes.validationFailed, field });
const notFound = { code: ErrorCodes.credentialNotFound, message: 'no such credential' };
const ids = { credentialId: ID, workspaceId: WORKSPACE_ID };

const store = (over: Partial<Omit<StoreCredential, 'type'>> = {}): StoreCredential => ({
  type: 'StoreCredential',
  ...ids,
  ownerKeyId: OWNER,
  service: 'Stripe',
  name: 'billing',
  location: 'header',
  parameterName: 'X-API-Key',
  allowedHosts: ['api.stripe.com'],
  sealedValue: SEALED,
  lastFour: 'abcd',
  workspace,
  known: KNOWN,
  ...over,
});
const AS_OWNER = { keyId: OWNER, root: false };
/** Another key holding credentials:write. */
const AS_OTHER = { keyId: KEY_B, root: false };
const AS_ROOT = { keyId: 'root', root: true };
const update = (over: Partial<Omit<UpdateCredential, 'type'>> = {}): UpdateCredential => ({ type: 'UpdateCredential', ...ids, actor: AS_OWNER, ...over });
const rotate = (over: Partial<Omit<RotateCredentialValue, 'type'>> = {}): RotateCredentialValue => ({ type: 'RotateCredentialValue', ...ids, sealedValue: RESEALED, lastFour: 'wxyz', ...over });
const share = (keys: string[], roles: string[] = [], over: Partial<Omit<SetCredentialSharing, 'type'>> = {}): SetCredentialSharing => ({
  type: 'SetCredentialSharing',
  ...ids,
  actor: AS_OWNER,
  sharedWith: { keys, roles },
  workspace,
  known: KNOWN,
  ...over,
});
const remove = (over: Partial<Omit<DeleteCredential, 'type'>> = {}): DeleteCredential => ({ type: 'DeleteCredential', ...ids, ...over });

const stored = (over: Partial<CredentialStored['data']> = {}): CredentialStored => ({
  type: 'CredentialStored',
  data: {
    ...ids,
    service: 'Stripe',
    name: 'billing',
    location: 'header',
    parameterName: 'X-API-Key',
    allowedHosts: ['api.stripe.com'],
    ownerKeyId: OWNER,
    sharedWith: { keys: [], roles: [] },
    sealedValue: SEALED,
    lastFour: 'abcd',
    storedAt: NOW.toISOString(),
    ...over,
  },
});
const deleted: CredentialEvent = { type: 'CredentialDeleted', data: { ...ids, deletedAt: NOW.toISOString() } };
const shared = (kind: 'key' | 'role', id: string): CredentialEvent => ({ type: 'CredentialShared', data: { ...ids, principal: { kind, id } } });
const unshared = (kind: 'key' | 'role', id: string): CredentialEvent => ({ type: 'CredentialUnshared', data: { ...ids, principal: { kind, id } } });

describe('StoreCredential', () => {
  it('stores the sealed value, never a plain one, with its rules applied', () => {
    given([])
      .when(store({ service: ' Stripe ', name: ' billing ', allowedHosts: ['API.Stripe.com', 'api.stripe.com.'] }))
      .then([stored()]);
  });

  it('puts a bearer credential in Authorization', () => {
    given([]).when(store({ location: 'bearer', parameterName: undefined })).then([stored({ location: 'bearer', parameterName: 'Authorization' })]);
  });

  it('stores shared with keys and roles of the workspace, once each (enterprise)', () => {
    given([])
      .when(store({ sharedWith: { keys: [KEY_B, KEY_B], roles: ['read-only', ROLE] } }))
      .then([stored({ sharedWith: { keys: [KEY_B], roles: ['read-only', ROLE] } })]);
  });

  it('needs credential sharing to store a shared credential (402), not a personal one', () => {
    const pro = accessPolicy({ plan: 'pro' }).workspace;
    given([]).when(store({ workspace: pro, sharedWith: { keys: [KEY_B], roles: [] } })).then({ code: ErrorCodes.planUpgradeRequired, message: 'credential sharing needs the enterprise plan; this workspace is on pro' });
    given([]).when(store({ workspace: pro, sharedWith: { keys: [], roles: [] } })).then([stored()]);
  });

  it.each<[string, Partial<StoreCredential>, string]>([
    ['an empty service', { service: ' ' }, 'service'],
    ['a name with a control character', { name: 'a\nb' }, 'name'],
    ['a 101-character name', { name: 'n'.repeat(101) }, 'name'],
    ['an unknown location', { location: 'body' }, 'location'],
    ['no parameter name for a header', { parameterName: undefined }, 'parameterName'],
    ['another parameter name for bearer', { location: 'bearer', parameterName: 'X-Key' }, 'parameterName'],
    ['no hosts', { allowedHosts: [] }, 'allowedHosts'],
    ['a host with a scheme', { allowedHosts: ['api.stripe.com', 'https://evil.example'] }, 'allowedHosts[1]'],
    ['a wildcard host', { allowedHosts: ['*.stripe.com'] }, 'allowedHosts[0]'],
    ['a key of another workspace, or none', { sharedWith: { keys: [KEY_B, 'key_zzzzzzzzzzzzzzzzzzzzzzzz'], roles: [] } }, 'sharedWith.keys[1]'],
    ['a malformed key id', { sharedWith: { keys: ['me'], roles: [] } }, 'sharedWith.keys[0]'],
    ['an unknown role', { sharedWith: { keys: [], roles: ['role_zzzzzzzzzzzzzzzzzzzz'] } }, 'sharedWith.roles[0]'],
    ['101 keys', { sharedWith: { keys: Array.from({ length: 101 }, () => KEY_B), roles: [] } }, 'sharedWith.keys'],
  ])('refuses %s (400)', (_, over, field) => {
    given([]).when(store(over)).then(invalid(field));
  });

  it('refuses an id that exists already, also a deleted one (CONFLICT)', () => {
    given([stored()]).when(store()).then({ code: ErrorCodes.conflict });
    given([stored(), deleted]).when(store()).then({ code: ErrorCodes.conflict });
  });
});

describe('UpdateCredential', () => {
  const changed = (over: Record<string, unknown> = {}): CredentialEvent => ({
    type: 'CredentialChanged',
    data: { ...ids, name: 'billing', location: 'header', parameterName: 'X-API-Key', allowedHosts: ['api.stripe.com'], changedAt: NOW.toISOString(), ...over } as never,
  });

  it('renames and replaces the hosts, keeping the rest', () => {
    given([stored()]).when(update({ name: 'payments', allowedHosts: ['files.stripe.com'] })).then([changed({ name: 'payments', allowedHosts: ['files.stripe.com'] })]);
  });

  it('moves to bearer without a name, and back to a header only with one', () => {
    given([stored()]).when(update({ location: 'bearer' })).then([changed({ location: 'bearer', parameterName: 'Authorization' })]);
    const bearer = stored({ location: 'bearer', parameterName: 'Authorization' });
    given([bearer]).when(update({ location: 'query' })).then(invalid('parameterName'));
    given([bearer]).when(update({ location: 'query', parameterName: 'key' })).then([changed({ location: 'query', parameterName: 'key' })]);
  });

  it.each<[string, Partial<UpdateCredential>]>([
    ['nothing', {}],
    ['the same name, untrimmed', { name: ' billing ' }],
    ['the same hosts, written otherwise', { allowedHosts: ['API.STRIPE.COM'] }],
    ['the same location', { location: 'header' }],
  ])('changes nothing for %s', (_, over) => {
    given([stored()]).when(update(over)).then([]);
  });

  it('refuses bad fields (400) and an unknown, foreign or deleted credential alike (CREDENTIAL_NOT_FOUND)', () => {
    given([stored()]).when(update({ allowedHosts: [] })).then(invalid('allowedHosts'));
    given([stored()]).when(update({ location: 'cookie' })).then(invalid('location'));
    given([]).when(update({ name: 'x' })).then(notFound);
    given([stored()]).when(update({ name: 'x', workspaceId: OTHER_WORKSPACE_ID })).then(notFound);
    given([stored(), deleted]).when(update({ name: 'x' })).then(notFound);
  });
});

describe("the owner's control of where the value goes and who uses it", () => {
  const forbidden = { code: ErrorCodes.forbidden, message: expect.stringContaining("only the credential's owner") };
  const changed = (over: Record<string, unknown>): CredentialEvent => ({
    type: 'CredentialChanged',
    data: { ...ids, name: 'billing', location: 'header', parameterName: 'X-API-Key', allowedHosts: ['api.stripe.com'], changedAt: NOW.toISOString(), ...over } as never,
  });

  it.each<[string, Partial<UpdateCredential>]>([
    ['its hosts', { allowedHosts: ['evil.example'] }],
    ['its hosts, with a name', { name: 'mine', allowedHosts: ['api.stripe.com', 'evil.example'] }],
    ['its location', { location: 'query', parameterName: 'X-API-Key' }],
    ['its parameter name', { parameterName: 'X-Other' }],
  ])('refuses another key with credentials:write a change of %s (403)', (_, over) => {
    given([stored()]).when(update({ ...over, actor: AS_OTHER })).then(forbidden);
  });

  it('refuses another key any change of sharing, even to itself or back to personal (403)', () => {
    given([stored()]).when(share([KEY_B], [], { actor: AS_OTHER })).then(forbidden);
    given([stored({ sharedWith: { keys: [KEY_C], roles: [] } })]).when(share([], [], { actor: AS_OTHER })).then(forbidden);
  });

  it('lets another key rename, rotate and delete, and send what changes nothing', () => {
    given([stored()]).when(update({ name: 'payments', allowedHosts: ['API.Stripe.com'], location: 'header', actor: AS_OTHER })).then([changed({ name: 'payments' })]);
    given([stored({ sharedWith: { keys: [KEY_B], roles: [] } })]).when(share([KEY_B], [], { actor: AS_OTHER })).then([]);
    given([stored()]).when(rotate()).then([{ type: 'CredentialValueRotated', data: { ...ids, sealedValue: RESEALED, lastFour: 'wxyz', rotatedAt: NOW.toISOString() } }]);
    given([stored()]).when(remove()).then([deleted]);
  });

  it('lets the owner and the root key change it all', () => {
    for (const actor of [AS_OWNER, AS_ROOT]) {
      given([stored()]).when(update({ allowedHosts: ['files.stripe.com'], actor })).then([changed({ allowedHosts: ['files.stripe.com'] })]);
      given([stored()]).when(share([KEY_B], [], { actor })).then([shared('key', KEY_B)]);
    }
  });
});

describe('RotateCredentialValue', () => {
  it('replaces the sealed value and its last four', () => {
    given([stored()]).when(rotate()).then([{ type: 'CredentialValueRotated', data: { ...ids, sealedValue: RESEALED, lastFour: 'wxyz', rotatedAt: NOW.toISOString() } }]);
  });

  it('refuses an unknown, foreign or deleted credential', () => {
    given([]).when(rotate()).then(notFound);
    given([stored()]).when(rotate({ workspaceId: OTHER_WORKSPACE_ID })).then(notFound);
    given([stored(), deleted]).when(rotate()).then(notFound);
  });
});

describe('SetCredentialSharing', () => {
  it('writes the difference: shared first, then unshared; nothing for no change', () => {
    given([stored({ sharedWith: { keys: [KEY_B], roles: ['read-only'] } })])
      .when(share([KEY_C, KEY_B], [ROLE]))
      .then([shared('key', KEY_C), shared('role', ROLE), unshared('role', 'read-only')]);
    given([stored({ sharedWith: { keys: [KEY_B], roles: [] } })]).when(share([KEY_B])).then([]);
  });

  it('needs the entitlement to share, not to make a credential personal again', () => {
    const pro = accessPolicy({ plan: 'pro' }).workspace;
    given([stored()]).when(share([KEY_B], [], { workspace: pro })).then({ code: ErrorCodes.planUpgradeRequired });
    given([stored({ sharedWith: { keys: [KEY_B], roles: [] } })]).when(share([], [], { workspace: pro })).then([unshared('key', KEY_B)]);
  });

  it('refuses unknown principals (400) and another workspace’s credential (404)', () => {
    given([stored()]).when(share([KEY_B], ['role_zzzzzzzzzzzzzzzzzzzz'])).then(invalid('sharedWith.roles[0]'));
    given([stored()]).when(share([KEY_B], [], { workspaceId: OTHER_WORKSPACE_ID })).then(notFound);
  });
});

describe('DeleteCredential', () => {
  it('deletes once; then it is not found', () => {
    given([stored()]).when(remove()).then([deleted]);
    given([stored(), deleted]).when(remove()).then(notFound);
    given([stored()]).when(remove({ workspaceId: OTHER_WORKSPACE_ID })).then(notFound);
  });
});

describe('evolveCredential', () => {
  const replay = (events: readonly CredentialEvent[]): CredentialState => events.reduce(evolveCredential, initialCredentialState);

  it('folds the whole life of a credential', () => {
    const rotatedAt = '2026-01-02T00:00:00.000Z';
    const state = replay([
      stored(),
      shared('key', KEY_B),
      shared('role', ROLE),
      unshared('key', KEY_B),
      { type: 'CredentialValueRotated', data: { ...ids, sealedValue: RESEALED, lastFour: 'wxyz', rotatedAt } },
    ]);
    expect(state).toMatchObject({ status: 'active', sharedWith: { keys: [], roles: [ROLE] }, sealedValue: RESEALED, lastFour: 'wxyz', rotatedAt, updatedAt: rotatedAt, storedAt: NOW.toISOString() });
    expect(replay([stored(), deleted])).toMatchObject({ status: 'deleted' });
  });

  it('ignores events before the credential was stored, and unknown types', () => {
    expect(replay([shared('key', KEY_B), deleted])).toBe(initialCredentialState);
    const state = replay([stored()]);
    expect(evolveCredential(state, { type: 'CredentialRenamed', data: {} } as unknown as CredentialEvent)).toBe(state);
  });
});
