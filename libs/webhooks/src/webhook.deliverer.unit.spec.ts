import { DEFAULT_OUTBOUND_POLICY, OutboundFailedError, OutboundRefusedError } from '@keyward/outbound';
import { ADDRESS_NOT_REACHED, tenantErrorText } from './webhook.deliverer';

describe('tenantErrorText', () => {
  it('tells a tenant nothing about which address check or connection step stopped a try', () => {
    const causes = [
      new OutboundRefusedError('forbidden', '10.0.0.7 is not a public address'),
      new OutboundRefusedError('forbidden', 'hooks.internal resolves to an address that is not public'),
      new OutboundFailedError('failed', 'the host name does not resolve'),
      new OutboundFailedError('failed', 'the request failed (ECONNREFUSED)'),
      new Error('socket hang up'),
    ];
    expect(new Set(causes.map((cause) => tenantErrorText(cause, DEFAULT_OUTBOUND_POLICY)))).toEqual(new Set([ADDRESS_NOT_REACHED]));
  });

  it("keeps what is the receiver's doing: no answer in time, an answer too large", () => {
    const policy = { ...DEFAULT_OUTBOUND_POLICY, timeoutMs: 10_000 };
    expect(tenantErrorText(new OutboundFailedError('timeout', 'not connected within 5000 ms'), policy)).toBe('no answer within 10000 ms');
    expect(tenantErrorText(new OutboundFailedError('too-large', "the answer's body is over 5 bytes"), policy)).toBe("the answer's body is over 5 bytes");
  });
});
