/** Metadata on every event, product.md section 6. */
export interface EventMetadata {
  readonly workspaceId: string;
  /** The acting key id, or `"system"`. */
  readonly actor: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly occurredAt: string;
  readonly sourceIp?: string;
  readonly userAgent?: string;
  readonly schemaVersion: number;
  /** The `Idempotency-Key` of the request that wrote the event, and what that request asked. */
  readonly idempotencyKey?: string;
  readonly requestFingerprint?: string;
}

/** An event as decided by the domain: what is appended, before the store gives it a position. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}
