import { ErrorCodes } from '@keyward/contracts';
import { parseCreateWorkspace, parseUpdateWorkspace } from './workspace-payload';
import { ROOT_CONTEXT as context, refusal } from '../testing/command-payload.fixtures';

describe('workspace command payloads', () => {
  it('parses a create, leaving the plan to its default when none is named', () => {
    expect(parseCreateWorkspace({ context, name: 'Acme' })).toEqual({ context, name: 'Acme', plan: undefined });
    expect(parseCreateWorkspace({ context, name: 'Acme', plan: 'pro' })).toMatchObject({ plan: 'pro' });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a name that is not a string', { name: 42 }, 'name'],
    ['an unknown plan', { name: 'Acme', plan: 'gold' }, 'plan'],
    ['a plan in capitals', { name: 'Acme', plan: 'Pro' }, 'plan'],
  ])('refuses a create with %s (400)', (_, over, field) => {
    expect(refusal(() => parseCreateWorkspace({ context, ...over }))).toEqual({ code: ErrorCodes.validationFailed, field });
  });

  it.each(['gold', '', null])('refuses a change to plan %p (400)', (plan) => {
    expect(refusal(() => parseUpdateWorkspace({ context, workspaceId: 'default', plan }))).toEqual({ code: ErrorCodes.validationFailed, field: 'plan' });
  });

  it('parses a settings change with the domain’s rules, groups trimmed', () => {
    const parsed = parseUpdateWorkspace({ context, workspaceId: 'default', settings: { keyPermissionsImmutable: true } });
    expect(parsed).toEqual({ context, workspaceId: 'default', plan: undefined, settings: { keyPermissionsImmutable: true } });
    expect(refusal(() => parseUpdateWorkspace({ context, workspaceId: 'default', settings: { keyPermissionsImmutable: 'yes' } }))).toEqual({
      code: ErrorCodes.validationFailed,
      field: 'settings.keyPermissionsImmutable',
    });
  });

  it('answers a malformed workspace id as an unknown workspace', () => {
    expect(refusal(() => parseUpdateWorkspace({ context, workspaceId: '../etc' }))).toEqual({ code: ErrorCodes.workspaceNotFound, field: undefined });
  });
});
