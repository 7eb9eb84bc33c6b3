import { failingFields, validateDto } from '../../testing/validate-dto';
import { ShareResourceRequestDto } from './share-resource.request.dto';

const SHARE = { resource: 'workflows', resourceId: 'wf_42', access: 'read' };

describe('ShareResourceRequestDto', () => {
  it.each([[SHARE], [{ ...SHARE, access: 'write' }], [{ ...SHARE, resourceId: 'A.b-c_9' }], [{ ...SHARE, resourceId: 'x'.repeat(128) }]])(
    'accepts %j',
    async (body) => {
      expect(await validateDto(ShareResourceRequestDto, body)).toMatchObject({ ok: true });
    },
  );

  it.each([
    [{ resourceId: 'wf_42', access: 'read' }, 'resource'],
    [{ ...SHARE, resource: 'Workflows' }, 'resource'],
    [{ ...SHARE, resource: '*' }, 'resource'],
    [{ ...SHARE, resourceId: '' }, 'resourceId'],
    [{ ...SHARE, resourceId: 'wf/42' }, 'resourceId'],
    [{ ...SHARE, resourceId: 'x'.repeat(129) }, 'resourceId'],
    [{ ...SHARE, resourceId: 42 }, 'resourceId'],
    [{ ...SHARE, access: 'none' }, 'access'],
    [{ ...SHARE, expiresAt: '2030-01-01T00:00:00Z' }, 'expiresAt'],
  ])('refuses %j', async (body, field) => {
    expect(failingFields(await validateDto(ShareResourceRequestDto, body))).toEqual([field]);
  });
});
