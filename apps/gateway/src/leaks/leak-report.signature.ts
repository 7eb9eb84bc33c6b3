import { verify } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { LeakReportKey } from '@keyward/config';

/** GitHub's secret-scanning partner program names the key and carries the signature in these (product.md 9.5). */
export const KEY_IDENTIFIER_HEADER = 'github-public-key-identifier';
export const SIGNATURE_HEADER = 'github-public-key-signature';

const single = (value: string | string[] | undefined): string | undefined => (typeof value === 'string' && value.length > 0 && value.length <= 1_000 ? value : undefined);

/**
 * Whether the raw body carries a good ECDSA P-256 / SHA-256 signature (DER, base64) by the
 * configured key its identifier header names. Anything missing, unknown or malformed is simply
 * false: every such report is refused alike.
 */
export const isSignedLeakReport = (keys: readonly LeakReportKey[], headers: IncomingHttpHeaders, rawBody: Buffer): boolean => {
  const identifier = single(headers[KEY_IDENTIFIER_HEADER]);
  const signature = single(headers[SIGNATURE_HEADER]);
  if (identifier === undefined || signature === undefined) return false;
  const key = keys.find((k) => k.keyIdentifier === identifier);
  if (!key) return false;
  try {
    return verify('sha256', rawBody, { key: key.key, dsaEncoding: 'der' }, Buffer.from(signature, 'base64'));
  } catch {
    // A signature that is no DER at all.
    return false;
  }
};
