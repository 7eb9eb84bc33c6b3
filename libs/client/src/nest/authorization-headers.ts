/**
 * Every `Authorization` header of a request, from its raw header lines: Node keeps only the first
 * of several in `headers`, so reading that alone would let `root key, then another key` pass as
 * the first one without anybody noticing.
 */
export const authorizationHeaders = (rawHeaders: readonly string[]): string[] =>
  rawHeaders.filter((_, i) => i % 2 === 1 && rawHeaders[i - 1].toLowerCase() === 'authorization');
