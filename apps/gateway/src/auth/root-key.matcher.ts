import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/** Compares a presented token with the root key in constant time, whatever their lengths. */
export class RootKeyMatcher {
  private readonly expected: Buffer;

  constructor(rootKey: string) {
    this.expected = digest(rootKey);
  }

  matches(token: string): boolean {
    return timingSafeEqual(digest(token), this.expected);
  }
}
