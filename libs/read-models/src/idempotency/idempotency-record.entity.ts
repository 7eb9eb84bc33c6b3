import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One `Idempotency-Key` of one workspace (product.md section 7): the fingerprint of the request
 * that first used it, who works on it now (a lease, so that a gateway that died does not hold it
 * for good), and once done the answer, secrets withheld. Rows older than 24 hours count as absent
 * and are purged.
 */
@Entity({ name: 'idempotency_records' })
export class IdempotencyRecordRow {
  @PrimaryColumn({ type: 'text' })
  scope!: string;

  @PrimaryColumn({ type: 'text', name: 'idempotency_key' })
  idempotencyKey!: string;

  /** SHA-256 of caller, method, path and body, in hex. */
  @Column({ type: 'text' })
  fingerprint!: string;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  /** The request working on it; null when nobody is (done, or its attempt failed and may be retried). */
  @Column({ type: 'uuid', name: 'claim_token', nullable: true })
  claimToken!: string | null;

  @Column({ type: 'timestamptz', name: 'claimed_until', nullable: true })
  claimedUntil!: Date | null;

  /** Set once the request answered 2xx. */
  @Column({ type: 'integer', name: 'response_status', nullable: true })
  responseStatus!: number | null;

  /** `json`, not `jsonb`: a repeat answers the very same text, fields in their order. */
  @Column({ type: 'json', name: 'response_body', nullable: true })
  responseBody!: unknown;
}
