import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * Compares a presented token with the root key in constant time. Comparing digests, not the
 * strings, makes both sides the same length, so not even the key's length leaks.
 */
export class RootKeyMatcher {
  private readonly expected: Buffer;

  constructor(rootKey: string) {
    this.expected = digest(rootKey);
  }

  matches(token: string): boolean {
    return timingSafeEqual(digest(token), this.expected);
  }
}
