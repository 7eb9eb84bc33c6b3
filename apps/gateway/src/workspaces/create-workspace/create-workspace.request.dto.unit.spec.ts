import { failingFields, validateDto } from '../../testing/validate-dto';
import { CreateWorkspaceRequestDto } from './create-workspace.request.dto';

describe('CreateWorkspaceRequestDto', () => {
  it.each([[{ name: 'Acme' }], [{ name: 'Acme', plan: 'free' }], [{ name: 'Acme', plan: 'pro' }], [{ name: 'Acme', plan: 'enterprise' }]])(
    'accepts %j',
    async (body) => {
      expect(await validateDto(CreateWorkspaceRequestDto, body)).toMatchObject({ ok: true });
    },
  );

  it.each([
    [{}, 'name'],
    [{ name: '\t' }, 'name'],
    [{ name: 'Acme', plan: 'gold' }, 'plan'],
    [{ name: 'Acme', settings: {} }, 'settings'],
  ])('refuses %j', async (body, field) => {
    expect(failingFields(await validateDto(CreateWorkspaceRequestDto, body))).toEqual([field]);
  });
});
