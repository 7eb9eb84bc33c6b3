import { DEFAULT_OUTBOUND_POLICY } from '@keyward/outbound';
import { ApiError } from '../errors/api-error';
import { refuseUnsendableScheme } from './webhook-url.policy';

describe('refuseUnsendableScheme', () => {
  it('refuses an http URL with 400 on url where the policy sends https only', () => {
    let refused: unknown;
    try {
      refuseUnsendableScheme(' http://hooks.example.com/x', DEFAULT_OUTBOUND_POLICY);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', details: [{ field: 'url' }] });
  });

  it('takes https always, http where the policy allows it, and leaves other mistakes to the domain', () => {
    expect(() => refuseUnsendableScheme('https://hooks.example.com/x', DEFAULT_OUTBOUND_POLICY)).not.toThrow();
    expect(() => refuseUnsendableScheme('http://127.0.0.1:9/x', { ...DEFAULT_OUTBOUND_POLICY, allowHttp: true })).not.toThrow();
    expect(() => refuseUnsendableScheme('not a url', DEFAULT_OUTBOUND_POLICY)).not.toThrow();
    expect(() => refuseUnsendableScheme(undefined, DEFAULT_OUTBOUND_POLICY)).not.toThrow();
  });
});
