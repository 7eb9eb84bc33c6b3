import { generateKeyPairSync, sign } from 'node:crypto';
import { isSignedLeakReport } from './leak-report.signature';

const pair = () => generateKeyPairSync('ec', { namedCurve: 'prime256v1' });

describe('isSignedLeakReport', () => {
  const signer = pair();
  const keys = [{ keyIdentifier: 'k1', key: signer.publicKey }];
  const body = Buffer.from('[{"token":"kw_live_x","type":"keyward_api_key"}]');
  const signature = sign('sha256', body, signer.privateKey).toString('base64');
  const headers = (over: Record<string, string | undefined> = {}) => ({ 'github-public-key-identifier': 'k1', 'github-public-key-signature': signature, ...over });

  it('accepts the raw body signed by the key its identifier names', () => {
    expect(isSignedLeakReport(keys, headers(), body)).toBe(true);
  });

  it('refuses a body changed by one byte, another key, an unknown identifier, and no headers', () => {
    expect(isSignedLeakReport(keys, headers(), Buffer.from(body.toString().replace('x', 'y')))).toBe(false);
    expect(isSignedLeakReport(keys, headers({ 'github-public-key-signature': sign('sha256', body, pair().privateKey).toString('base64') }), body)).toBe(false);
    expect(isSignedLeakReport(keys, headers({ 'github-public-key-identifier': 'k2' }), body)).toBe(false);
    expect(isSignedLeakReport(keys, {}, body)).toBe(false);
    expect(isSignedLeakReport(keys, headers({ 'github-public-key-signature': undefined }), body)).toBe(false);
    expect(isSignedLeakReport([], headers(), body)).toBe(false);
  });

  it('refuses a signature that is no DER, without throwing', () => {
    expect(isSignedLeakReport(keys, headers({ 'github-public-key-signature': 'bm90IGRlcg==' }), body)).toBe(false);
    expect(isSignedLeakReport(keys, headers({ 'github-public-key-signature': '!!!' }), body)).toBe(false);
  });
});
