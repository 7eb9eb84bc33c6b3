import { failingFields, validateDto } from '../../testing/validate-dto';
import { UpdateWorkspaceRequestDto } from './update-workspace.request.dto';

describe('UpdateWorkspaceRequestDto', () => {
  it.each([
    [{}],
    [{ plan: 'pro' }],
    [{ settings: {} }],
    [{ settings: { keyPermissionsImmutable: true } }],
    [{ settings: { staleAfterDays: 1, rateLimitWhenUnreachable: 'deny' } }],
    [{ settings: { staleAfterDays: 3650, rateLimitWhenUnreachable: 'allow' } }],
    [{ plan: 'enterprise', settings: { resourceCatalogue: [{ resource: 'calls', group: 'Communication' }] } }],
  ])('accepts %j', async (body) => {
    expect(await validateDto(UpdateWorkspaceRequestDto, body)).toMatchObject({ ok: true });
  });

  it.each([
    [{ plan: 'platinum' }, 'plan'],
    [{ settings: 'strict' }, 'settings'],
    [{ settings: { keyPermissionsImmutable: 'yes' } }, 'settings.keyPermissionsImmutable'],
    [{ settings: { resourceCatalogue: 'calls' } }, 'settings.resourceCatalogue'],
    [{ settings: { resourceCatalogue: [{ resource: 'Calls', group: 'C' }] } }, 'settings.resourceCatalogue.0.resource'],
    [{ settings: { resourceCatalogue: [{ resource: 'calls', group: '' }] } }, 'settings.resourceCatalogue.0.group'],
    [{ settings: { resourceCatalogue: [{ resource: 'calls', group: 'C', extra: 1 }] } }, 'settings.resourceCatalogue.0.extra'],
    [{ settings: { colour: 'red' } }, 'settings.colour'],
    [{ settings: { staleAfterDays: 0 } }, 'settings.staleAfterDays'],
    [{ settings: { staleAfterDays: 3651 } }, 'settings.staleAfterDays'],
    [{ settings: { staleAfterDays: 7.5 } }, 'settings.staleAfterDays'],
    [{ settings: { staleAfterDays: '90' } }, 'settings.staleAfterDays'],
    [{ settings: { rateLimitWhenUnreachable: 'block' } }, 'settings.rateLimitWhenUnreachable'],
    [{ name: 'renamed' }, 'name'],
  ])('refuses %j', async (body, field) => {
    expect(failingFields(await validateDto(UpdateWorkspaceRequestDto, body))).toEqual([field]);
  });
});
