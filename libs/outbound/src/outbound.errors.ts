/**
 * Why a request was not sent: `invalid` — the request itself is malformed (scheme, userinfo,
 * header); `forbidden` — it names a place it may not go (host, port, address); `too-large` — its
 * body is over the limit. Nothing was sent.
 */
export class OutboundRefusedError extends Error {
  constructor(
    readonly kind: 'invalid' | 'forbidden' | 'too-large',
    message: string,
    readonly field = 'url',
  ) {
    super(message);
    this.name = 'OutboundRefusedError';
  }
}

/** Sent (or being sent), but no usable answer: `timeout`, `too-large` (body or headers), or `failed` (connection, protocol). */
export class OutboundFailedError extends Error {
  constructor(
    readonly kind: 'timeout' | 'too-large' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'OutboundFailedError';
  }
}
