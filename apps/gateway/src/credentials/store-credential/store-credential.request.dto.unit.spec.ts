import { failingFields, validateDto } from '../../testing/validate-dto';
import { StoreCredentialRequestDto } from './store-credential.request.dto';

const CREDENTIAL = { service: 'stripe', name: 'billing', value: 'sk_live_abcdefgh', location: 'header', parameterName: 'X-API-Key', allowedHosts: ['api.stripe.com'] };

describe('StoreCredentialRequestDto', () => {
  it.each([
    [CREDENTIAL],
    [{ ...CREDENTIAL, location: 'bearer', parameterName: undefined }],
    [{ ...CREDENTIAL, value: ' spaces kept ' }],
    [{ ...CREDENTIAL, allowedHosts: ['bücher.example', '[2001:db8::1]', '10.0.0.1', 'api.example.com:8443'] }],
    [{ ...CREDENTIAL, sharedWith: { keys: [], roles: ['read-only'] } }],
    [{ ...CREDENTIAL, value: 'clé_Latin-1_ÿ' }],
    [{ ...CREDENTIAL, location: 'query', parameterName: 'key', value: 'ключ_😀' }],
  ])('accepts %j', async (body) => {
    expect(await validateDto(StoreCredentialRequestDto, body)).toMatchObject({ ok: true });
  });

  it('keeps the value exactly as sent', async () => {
    expect(await validateDto(StoreCredentialRequestDto, { ...CREDENTIAL, value: '  v  ' })).toMatchObject({ ok: true, value: { value: '  v  ' } });
  });

  it.each([
    [{ ...CREDENTIAL, value: '' }, 'value'],
    [{ ...CREDENTIAL, value: 'a\tb' }, 'value'],
    [{ ...CREDENTIAL, value: 'x'.repeat(8193) }, 'value'],
    [{ ...CREDENTIAL, value: 42 }, 'value'],
    // Above U+00FF: no HTTP header can carry it, so node would refuse it at every use.
    [{ ...CREDENTIAL, value: 'ключ_api' }, 'value'],
    [{ ...CREDENTIAL, location: 'bearer', parameterName: undefined, value: 'sk_😀' }, 'value'],
    [{ ...CREDENTIAL, service: ' ' }, 'service'],
    [{ ...CREDENTIAL, location: 'body' }, 'location'],
    [{ ...CREDENTIAL, parameterName: '' }, 'parameterName'],
    [{ ...CREDENTIAL, allowedHosts: [] }, 'allowedHosts'],
    [{ ...CREDENTIAL, allowedHosts: 'api.stripe.com' }, 'allowedHosts'],
    [{ ...CREDENTIAL, allowedHosts: ['api.stripe.com:65536'] }, 'allowedHosts'],
    [{ ...CREDENTIAL, allowedHosts: Array.from({ length: 21 }, (_, i) => `h${i}.example`) }, 'allowedHosts'],
    [{ ...CREDENTIAL, sharedWith: { keys: 'key_x', roles: [] } }, 'sharedWith.keys'],
    [{ ...CREDENTIAL, owner: 'key_x' }, 'owner'],
  ])('refuses %j', async (body, field) => {
    expect(failingFields(await validateDto(StoreCredentialRequestDto, body))).toEqual([field]);
  });

  it('never repeats the value in a message', async () => {
    const result = await validateDto(StoreCredentialRequestDto, { ...CREDENTIAL, value: 'secret\nvalue' });
    expect(JSON.stringify(result)).not.toContain('secret');
  });
});
