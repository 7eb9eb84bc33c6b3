import { DEFAULT_OUTBOUND_POLICY, outboundPolicyFromEnv } from './outbound.policy';

describe('outboundPolicyFromEnv', () => {
  it('is the production default with nothing set: https only, public addresses only', () => {
    expect(outboundPolicyFromEnv({})).toEqual(DEFAULT_OUTBOUND_POLICY);
    expect(DEFAULT_OUTBOUND_POLICY).toMatchObject({ allowHttp: false, allowPrivate: false });
  });

  it('reads every variable', () => {
    expect(
      outboundPolicyFromEnv({
        KEYWARD_OUTBOUND_ALLOW_HTTP: 'true',
        KEYWARD_OUTBOUND_ALLOW_PRIVATE: 'true',
        KEYWARD_OUTBOUND_CONNECT_TIMEOUT_MS: '100',
        KEYWARD_OUTBOUND_TIMEOUT_MS: '200',
        KEYWARD_OUTBOUND_MAX_REQUEST_BYTES: '300',
        KEYWARD_OUTBOUND_MAX_RESPONSE_BYTES: '400',
        KEYWARD_OUTBOUND_MAX_HEADER_BYTES: '500',
      }),
    ).toEqual({ allowHttp: true, allowPrivate: true, connectTimeoutMs: 100, timeoutMs: 200, maxRequestBodyBytes: 300, maxResponseBodyBytes: 400, maxResponseHeaderBytes: 500 });
  });

  it.each([
    ['KEYWARD_OUTBOUND_ALLOW_PRIVATE', 'yes'],
    ['KEYWARD_OUTBOUND_ALLOW_HTTP', '1'],
    ['KEYWARD_OUTBOUND_TIMEOUT_MS', '0'],
    ['KEYWARD_OUTBOUND_MAX_RESPONSE_BYTES', '1.5'],
    ['KEYWARD_OUTBOUND_CONNECT_TIMEOUT_MS', 'soon'],
  ])('stops at a malformed %s, naming it', (name, value) => {
    expect(() => outboundPolicyFromEnv({ [name]: value })).toThrow(name);
  });
});
