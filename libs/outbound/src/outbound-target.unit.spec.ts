import { DEFAULT_OUTBOUND_POLICY, type OutboundPolicy } from './outbound.policy';
import { OutboundRefusedError } from './outbound.errors';
import { outboundTarget } from './outbound-target';

const refusal = (url: string, hosts: readonly string[], policy: OutboundPolicy = DEFAULT_OUTBOUND_POLICY): string | undefined => {
  try {
    outboundTarget(url, hosts, policy);
    return undefined;
  } catch (error) {
    if (error instanceof OutboundRefusedError) return error.kind;
    throw error;
  }
};

describe('outboundTarget', () => {
  const hosts = ['api.example.com', 'xn--bcher-kva.example', 'custom.example:8443', '93.184.216.34', '[2606:4700::1111]'];

  it.each([
    ['https://api.example.com/v1/charges?x=1', 'api.example.com', 443],
    ['https://API.Example.COM./v1', 'api.example.com', 443],
    ['https://api.example.com:443/', 'api.example.com', 443],
    ['https://bücher.example/', 'xn--bcher-kva.example', 443],
    ['https://custom.example:8443/', 'custom.example', 8443],
  ])('allows %p', (url, hostname, port) => {
    const target = outboundTarget(url, hosts, DEFAULT_OUTBOUND_POLICY);
    expect({ hostname: target.hostname, port: target.port, address: target.address }).toEqual({ hostname: hostname.replace(/\.$/, ''), port, address: undefined });
  });

  it.each([
    ['https://evil.example/', 'a host not listed'],
    ['https://api.example.com.evil.example/', 'a suffix of a listed host'],
    ['https://evil-api.example.com/', 'a name ending like a listed one'],
    ['https://sub.api.example.com/', 'a subdomain'],
    ['https://example.com/', 'a parent domain'],
    ['https://api.example.com:8443/', 'a port not named'],
    ['https://custom.example/', 'the default port of a host listed with its port'],
  ])('forbids %p (%s)', (url) => {
    expect(refusal(url, hosts)).toBe('forbidden');
  });

  it.each([
    ['https://user:pass@api.example.com/', 'userinfo'],
    ['https://api.example.com@evil.example/', 'userinfo that reads like the host'],
    ['https://@api.example.com/', 'an empty userinfo'],
    ['https://evil.example\\@api.example.com/', 'an @ before the path, after a backslash WHATWG reads as a slash'],
    ['http://api.example.com/', 'http while not allowed'],
    ['ftp://api.example.com/', 'another scheme'],
    ['file:///etc/passwd', 'file'],
    ['api.example.com/v1', 'a relative URL'],
    ['', 'nothing'],
  ])('refuses %p as invalid (%s)', (url) => {
    expect(refusal(url, hosts)).toBe('invalid');
  });

  it('takes http only when the operator allows it', () => {
    expect(outboundTarget('http://api.example.com/', hosts, { ...DEFAULT_OUTBOUND_POLICY, allowHttp: true }).port).toBe(80);
    expect(refusal('ftp://api.example.com/', hosts, { ...DEFAULT_OUTBOUND_POLICY, allowHttp: true })).toBe('invalid');
  });

  it('takes an IP literal only if listed exactly, in any spelling WHATWG reads as it', () => {
    expect(outboundTarget('https://93.184.216.34/', hosts, DEFAULT_OUTBOUND_POLICY).address).toBe('93.184.216.34');
    expect(outboundTarget('https://[2606:4700:0::1111]/', hosts, DEFAULT_OUTBOUND_POLICY).address).toBe('2606:4700::1111');
    expect(refusal('https://93.184.216.35/', hosts)).toBe('forbidden');
    expect(refusal('https://[2606:4700::1112]/', hosts)).toBe('forbidden');
    expect(refusal('https://[::ffff:93.184.216.34]/', hosts)).toBe('forbidden');
  });

  it('forbids a listed literal that is not public unless the operator relaxes it', () => {
    const local = ['127.0.0.1', '[::1]', '10.0.0.1:8080', '0x7f.1'];
    for (const url of ['https://127.0.0.1/', 'https://2130706433/', 'https://0x7f.0.0.1/', 'https://[::1]/', 'https://10.0.0.1:8080/']) {
      expect(refusal(url, local)).toBe('forbidden');
    }
    expect(outboundTarget('https://2130706433/', local, { ...DEFAULT_OUTBOUND_POLICY, allowPrivate: true }).address).toBe('127.0.0.1');
  });
});
