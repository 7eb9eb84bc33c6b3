/** One request to a third party, as a caller asks for it. */
export interface OutboundRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Sent as is (UTF-8); none for a request without a body. */
  readonly body?: string;
}

/** The third party's answer as is: redirects are answered, never followed. */
export interface OutboundResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[]>;
  /** Decoded as UTF-8. */
  readonly body: string;
}

export const OUTBOUND_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
