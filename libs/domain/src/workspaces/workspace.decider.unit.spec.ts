import { ErrorCodes, type ResourceType, type WorkspaceCreated, type WorkspaceEvent, type WorkspacePlanChanged, type WorkspaceSettings, type WorkspaceSettingsChanged } from '@keyward/contracts';
import type { Permission } from '../permissions/permission';
import { deciderSpecification, NOW } from '../testing';
import { DEFAULT_RESOURCE_CATALOGUE, MANAGEMENT_RESOURCES } from './resource-catalogue';
import { defaultWorkspaceSettings } from './workspace-settings';
import { evolveWorkspace } from './evolve-workspace';
import type { ChangeWorkspacePlan, ChangeWorkspaceSettings, CreateWorkspace } from './workspace.commands';
import { workspaceDecider } from './workspace.decider';
import { DEFAULT_WORKSPACE, initialWorkspaceState, workspaceStartState, type WorkspaceState } from './workspace.state';

const WS = 'ws_aaaaaaaaaaaaaaaaaaaa';
const FULL_ACCESS: readonly Permission[] = [{ resource: '*', action: 'write' }];
const { given } = deciderSpecification(workspaceDecider(WS), NOW);
const givenDefault = deciderSpecification(workspaceDecider('default'), NOW).given;

const invalid = (field: string) => ({ code: ErrorCodes.validationFailed, field });
const notFound = { code: ErrorCodes.workspaceNotFound, message: 'no such workspace' };

const create = (over: Partial<Omit<CreateWorkspace, 'type'>> = {}): CreateWorkspace => ({ type: 'CreateWorkspace', workspaceId: WS, name: 'Acme', plan: 'pro', operator: true, ...over });
const changePlan = (over: Partial<Omit<ChangeWorkspacePlan, 'type'>> = {}): ChangeWorkspacePlan => ({ type: 'ChangeWorkspacePlan', workspaceId: WS, plan: 'enterprise', operator: true, ...over });
const changeSettings = (settings: Partial<WorkspaceSettings>): ChangeWorkspaceSettings => ({ type: 'ChangeWorkspaceSettings', workspaceId: WS, settings, authority: FULL_ACCESS });

const created = (over: Partial<WorkspaceCreated['data']> = {}): WorkspaceCreated => ({
  type: 'WorkspaceCreated',
  data: { workspaceId: WS, name: 'Acme', plan: 'pro', settings: defaultWorkspaceSettings(), createdAt: NOW.toISOString(), ...over },
});
const planChanged = (plan: WorkspacePlanChanged['data']['plan']): WorkspacePlanChanged => ({ type: 'WorkspacePlanChanged', data: { workspaceId: WS, plan, changedAt: NOW.toISOString() } });
const settingsChanged = (settings: WorkspaceSettings, workspaceId = WS): WorkspaceSettingsChanged => ({
  type: 'WorkspaceSettingsChanged',
  data: { workspaceId, settings, changedAt: NOW.toISOString() },
});

/** A small catalogue that keeps the management resources. */
const catalogue = (...extra: ResourceType[]): ResourceType[] => [...MANAGEMENT_RESOURCES.map((resource) => ({ resource, group: 'Administration' })), ...extra];

describe('CreateWorkspace', () => {
  it.each(['free', 'pro', 'enterprise'] as const)('creates a %s workspace with the default settings, its name trimmed', (plan) => {
    given([])
      .when(create({ name: '  Acme  ', plan }))
      .then([created({ name: 'Acme', plan })]);
  });

  it('is operator only (403), before looking at the input', () => {
    const forbidden = { code: ErrorCodes.forbidden, message: 'only the operator (root key) may create workspaces' };
    given([]).when(create({ operator: false })).then(forbidden);
    given([]).when(create({ operator: false, name: '' })).then(forbidden);
  });

  it.each([
    ['an empty name', { name: '' }, 'name'],
    ['a blank name', { name: '   ' }, 'name'],
    ['a 101-character name', { name: 'x'.repeat(101) }, 'name'],
    ['a control character in the name', { name: 'a\nb' }, 'name'],
  ])('refuses %s', (_, over, field) => {
    given([]).when(create(over)).then(invalid(field));
  });

  it('refuses an id that exists already (CONFLICT)', () => {
    given([created()]).when(create()).then({ code: ErrorCodes.conflict });
  });

  it('refuses to create the default workspace, which exists from the start (CONFLICT)', () => {
    givenDefault([]).when(create({ workspaceId: 'default' })).then({ code: ErrorCodes.conflict });
  });
});

describe('ChangeWorkspacePlan', () => {
  it.each<['free' | 'pro' | 'enterprise', 'free' | 'pro' | 'enterprise']>([
    ['pro', 'enterprise'],
    ['pro', 'free'],
    ['free', 'pro'],
    ['enterprise', 'free'],
  ])('changes %s to %s', (from, to) => {
    given([created({ plan: from })])
      .when(changePlan({ plan: to }))
      .then([planChanged(to)]);
  });

  it('changes nothing when the plan is the same', () => {
    given([created({ plan: 'pro' })]).when(changePlan({ plan: 'pro' })).then([]);
    given([created({ plan: 'free' }), planChanged('enterprise')]).when(changePlan({ plan: 'enterprise' })).then([]);
  });

  it('is operator only (403), even for an unknown workspace', () => {
    const forbidden = { code: ErrorCodes.forbidden, message: 'only the operator (root key) may change plans' };
    given([created()]).when(changePlan({ operator: false })).then(forbidden);
    given([]).when(changePlan({ operator: false })).then(forbidden);
  });

  it('refuses an unknown workspace (WORKSPACE_NOT_FOUND)', () => {
    given([]).when(changePlan()).then(notFound);
  });

  it('changes the plan of the default workspace, which has no creation event', () => {
    givenDefault([])
      .when(changePlan({ workspaceId: 'default', plan: 'free' }))
      .then([{ type: 'WorkspacePlanChanged', data: { workspaceId: 'default', plan: 'free', changedAt: NOW.toISOString() } }]);
  });
});

describe('ChangeWorkspaceSettings', () => {
  it('sets keyPermissionsImmutable and keeps the catalogue', () => {
    given([created()])
      .when(changeSettings({ keyPermissionsImmutable: true }))
      .then([settingsChanged({ ...defaultWorkspaceSettings(), keyPermissionsImmutable: true, resourceCatalogue: DEFAULT_RESOURCE_CATALOGUE })]);
  });

  it('replaces the catalogue, groups trimmed, and keeps keyPermissionsImmutable', () => {
    given([created(), settingsChanged({ ...defaultWorkspaceSettings(), keyPermissionsImmutable: true })])
      .when(changeSettings({ resourceCatalogue: [...catalogue(), { resource: 'invoices', group: '  Billing ' }] }))
      .then([settingsChanged({ ...defaultWorkspaceSettings(), keyPermissionsImmutable: true, resourceCatalogue: catalogue({ resource: 'invoices', group: 'Billing' }) })]);
  });

  it('needs no operator: a workspace changes its own settings', () => {
    givenDefault([])
      .when({ type: 'ChangeWorkspaceSettings', workspaceId: 'default', settings: { keyPermissionsImmutable: true }, authority: FULL_ACCESS })
      .then([settingsChanged({ ...defaultWorkspaceSettings(), keyPermissionsImmutable: true, resourceCatalogue: DEFAULT_RESOURCE_CATALOGUE }, 'default')]);
  });

  it('takes a full-access caller: a key managing keys and roles may not, even of its own workspace', () => {
    given([created()])
      .when({ ...changeSettings({ keyPermissionsImmutable: true }), authority: [{ resource: 'api_keys', action: 'write' }, { resource: 'roles', action: 'write' }] })
      .then({ code: ErrorCodes.forbidden, message: 'changing workspace settings takes a full-access key' });
  });

  it.each<[string, Partial<WorkspaceSettings>]>([
    ['nothing', {}],
    ['the same flag', { keyPermissionsImmutable: false }],
    ['the same catalogue', { resourceCatalogue: [...DEFAULT_RESOURCE_CATALOGUE] }],
    ['the same catalogue with untrimmed groups', { resourceCatalogue: DEFAULT_RESOURCE_CATALOGUE.map((r) => ({ ...r, group: ` ${r.group} ` })) }],
    ['both the same', defaultWorkspaceSettings()],
  ])('changes nothing for %s', (_, settings) => {
    given([created()]).when(changeSettings(settings)).then([]);
  });

  it('changes nothing when unchanged settings come back from the store with their keys in another order', () => {
    // PostgreSQL jsonb orders object keys (shorter first): an event read back is equal, not identical.
    const stored = JSON.parse(
      JSON.stringify({
        resourceCatalogue: DEFAULT_RESOURCE_CATALOGUE.map(({ resource, group }) => ({ group, resource })),
        keyPermissionsImmutable: true,
      }),
    ) as WorkspaceSettings;
    given([created({ settings: stored })]).when(changeSettings({ keyPermissionsImmutable: true })).then([]);
    given([created({ settings: stored })]).when(changeSettings({ resourceCatalogue: [...DEFAULT_RESOURCE_CATALOGUE], keyPermissionsImmutable: true })).then([]);
    given([created(), settingsChanged(stored)]).when(changeSettings({ keyPermissionsImmutable: true })).then([]);
  });

  it('sees a reordered catalogue as a change', () => {
    const reordered = [...DEFAULT_RESOURCE_CATALOGUE].reverse();
    given([created()])
      .when(changeSettings({ resourceCatalogue: reordered }))
      .then([settingsChanged({ ...defaultWorkspaceSettings(), keyPermissionsImmutable: false, resourceCatalogue: reordered })]);
  });

  it('refuses an unknown workspace (WORKSPACE_NOT_FOUND), even with nothing to change', () => {
    given([]).when(changeSettings({})).then(notFound);
    given([]).when(changeSettings({ keyPermissionsImmutable: true })).then(notFound);
  });

  const entry = (resource: unknown, group: unknown = 'Group') => ({ resource, group });
  it.each<[string, unknown, string]>([
    ['a flag that is not a boolean', { keyPermissionsImmutable: 'yes' }, 'settings.keyPermissionsImmutable'],
    ['a flag of null', { keyPermissionsImmutable: null }, 'settings.keyPermissionsImmutable'],
    ['a catalogue that is not a list', { resourceCatalogue: { calls: 'Communication' } }, 'settings.resourceCatalogue'],
    ['a catalogue of null', { resourceCatalogue: null }, 'settings.resourceCatalogue'],
    ['201 resource types', { resourceCatalogue: [...catalogue(), ...Array.from({ length: 194 }, (_, i) => entry(`r${i}`))] }, 'settings.resourceCatalogue'],
    ['an empty catalogue', { resourceCatalogue: [] }, 'settings.resourceCatalogue'],
    ['a catalogue without roles', { resourceCatalogue: catalogue().filter((r) => r.resource !== 'roles') }, 'settings.resourceCatalogue'],
    ['an entry that is not an object', { resourceCatalogue: [...catalogue(), 'calls'] }, 'settings.resourceCatalogue[7].resource'],
    ['an entry of null', { resourceCatalogue: [null, ...catalogue()] }, 'settings.resourceCatalogue[0].resource'],
    ['a resource that is not a name', { resourceCatalogue: [...catalogue(), entry('Calls')] }, 'settings.resourceCatalogue[7].resource'],
    ['a resource of *', { resourceCatalogue: [...catalogue(), entry('*')] }, 'settings.resourceCatalogue[7].resource'],
    ['a resource that is not a string', { resourceCatalogue: [...catalogue(), entry(7)] }, 'settings.resourceCatalogue[7].resource'],
    ['a resource listed twice', { resourceCatalogue: [...catalogue(), entry('calls'), entry('calls', 'Other')] }, 'settings.resourceCatalogue[8].resource'],
    ['an empty group', { resourceCatalogue: [...catalogue(), entry('calls', '')] }, 'settings.resourceCatalogue[7].group'],
    ['a blank group', { resourceCatalogue: [...catalogue(), entry('calls', '  ')] }, 'settings.resourceCatalogue[7].group'],
    ['a group with a lone surrogate', { resourceCatalogue: [...catalogue(), entry('calls', 'a\udc00')] }, 'settings.resourceCatalogue[7].group'],
    ['no group', { resourceCatalogue: [...catalogue(), { resource: 'calls' }] }, 'settings.resourceCatalogue[7].group'],
    ['a 101-character group', { resourceCatalogue: [...catalogue(), entry('calls', 'g'.repeat(101))] }, 'settings.resourceCatalogue[7].group'],
    ['a control character in a group', { resourceCatalogue: [...catalogue(), entry('calls', 'a\tb')] }, 'settings.resourceCatalogue[7].group'],
    ['staleAfterDays of 0', { staleAfterDays: 0 }, 'settings.staleAfterDays'],
    ['staleAfterDays of 3651', { staleAfterDays: 3651 }, 'settings.staleAfterDays'],
    ['staleAfterDays of 1.5', { staleAfterDays: 1.5 }, 'settings.staleAfterDays'],
    ['staleAfterDays as a string', { staleAfterDays: '90' }, 'settings.staleAfterDays'],
    ['rateLimitWhenUnreachable of "block"', { rateLimitWhenUnreachable: 'block' }, 'settings.rateLimitWhenUnreachable'],
    ['rateLimitWhenUnreachable of null', { rateLimitWhenUnreachable: null }, 'settings.rateLimitWhenUnreachable'],
    ['revokeLeakedKeys as a string', { revokeLeakedKeys: 'false' }, 'settings.revokeLeakedKeys'],
  ])('refuses %s (400)', (_, settings, field) => {
    given([created()]).when(changeSettings(settings as Partial<WorkspaceSettings>)).then(invalid(field));
  });

  it('sets staleAfterDays (1 to 3650) and rateLimitWhenUnreachable, keeping the rest', () => {
    given([created()])
      .when(changeSettings({ staleAfterDays: 3650, rateLimitWhenUnreachable: 'deny' }))
      .then([settingsChanged({ ...defaultWorkspaceSettings(), staleAfterDays: 3650, rateLimitWhenUnreachable: 'deny' })]);
    given([created()]).when(changeSettings({ staleAfterDays: 1 })).then([settingsChanged({ ...defaultWorkspaceSettings(), staleAfterDays: 1 })]);
    given([created()]).when(changeSettings({ staleAfterDays: 90, rateLimitWhenUnreachable: 'allow' })).then([]);
  });

  it('turns revokeLeakedKeys off (default on) and on again', () => {
    expect(defaultWorkspaceSettings().revokeLeakedKeys).toBe(true);
    given([created()]).when(changeSettings({ revokeLeakedKeys: false })).then([settingsChanged({ ...defaultWorkspaceSettings(), revokeLeakedKeys: false })]);
    given([created(), settingsChanged({ ...defaultWorkspaceSettings(), revokeLeakedKeys: false })]).when(changeSettings({ revokeLeakedKeys: true })).then([settingsChanged(defaultWorkspaceSettings())]);
    given([created()]).when(changeSettings({ revokeLeakedKeys: true })).then([]);
  });

  it('names the management resources a catalogue dropped', () => {
    given([created()])
      .when(changeSettings({ resourceCatalogue: [{ resource: 'calls', group: 'Communication' }, { resource: 'roles', group: 'Administration' }] }))
      .then({ ...invalid('settings.resourceCatalogue'), message: 'the catalogue must keep the management resources: api_keys, members, billing, audit, credentials, notifications' });
  });

  it('accepts 200 resource types and a 100-character group', () => {
    const big = [...catalogue(), ...Array.from({ length: 193 }, (_, i) => ({ resource: `r${i}`, group: 'g'.repeat(100) }))];
    expect(big).toHaveLength(200);
    given([created()])
      .when(changeSettings({ resourceCatalogue: big }))
      .then([settingsChanged({ ...defaultWorkspaceSettings(), keyPermissionsImmutable: false, resourceCatalogue: big })]);
  });
});

describe('evolveWorkspace', () => {
  const replay = (events: readonly WorkspaceEvent[], from: WorkspaceState = initialWorkspaceState): WorkspaceState => events.reduce(evolveWorkspace, from);

  it('builds an active workspace from WorkspaceCreated', () => {
    expect(replay([created({ plan: 'free' })])).toEqual({ status: 'active', workspaceId: WS, name: 'Acme', plan: 'free', settings: defaultWorkspaceSettings() });
  });

  it('follows plan and settings changes, the last one winning', () => {
    const settings = { ...defaultWorkspaceSettings(), keyPermissionsImmutable: true, resourceCatalogue: catalogue() };
    expect(replay([created({ plan: 'free' }), planChanged('pro'), settingsChanged(settings), planChanged('enterprise')])).toEqual({
      status: 'active',
      workspaceId: WS,
      name: 'Acme',
      plan: 'enterprise',
      settings,
    });
  });

  it('reads settings written before staleAfterDays and rateLimitWhenUnreachable existed with their defaults', () => {
    const old = { keyPermissionsImmutable: true, resourceCatalogue: catalogue() } as unknown as WorkspaceSettings;
    const expected = { ...defaultWorkspaceSettings(), keyPermissionsImmutable: true, resourceCatalogue: catalogue() };
    expect(replay([created({ settings: old })])).toMatchObject({ settings: expected });
    expect(replay([created(), settingsChanged(old)])).toMatchObject({ settings: expected });
  });

  it('ignores changes to a workspace it never saw created', () => {
    expect(replay([planChanged('pro'), settingsChanged(defaultWorkspaceSettings())])).toBe(initialWorkspaceState);
  });

  it('is total: an unknown event type changes nothing', () => {
    const unknown = { type: 'WorkspaceRenamed', data: { workspaceId: WS } } as unknown as WorkspaceEvent;
    const state = replay([created()]);
    expect(evolveWorkspace(state, unknown)).toBe(state);
    expect(evolveWorkspace(initialWorkspaceState, unknown)).toBe(initialWorkspaceState);
  });

  it('starts the default workspace as existing, on enterprise, and any other as absent', () => {
    expect(workspaceStartState('default')).toBe(DEFAULT_WORKSPACE);
    expect(DEFAULT_WORKSPACE).toEqual({ status: 'active', workspaceId: 'default', name: 'Default', plan: 'enterprise', settings: defaultWorkspaceSettings() });
    expect(workspaceStartState(WS)).toEqual({ status: 'absent' });
    expect(replay([planChanged('free')], workspaceStartState('default'))).toMatchObject({ workspaceId: 'default', plan: 'free' });
  });
});
