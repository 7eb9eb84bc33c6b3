import { VerifyCodes, type VerifyCode } from './verify.contract';

/** Answers that name no key: they count per verifier in the metrics only (product.md section 9.1). */
const UNCOUNTED = ['MALFORMED', 'NOT_FOUND', 'UNAVAILABLE'] as const satisfies readonly VerifyCode[];

/** Answers that name a key, and so count toward it: `VALID`, or a denial by its code. */
export type UsageCode = Exclude<VerifyCode, (typeof UNCOUNTED)[number]>;
export const UsageCodes: readonly UsageCode[] = VerifyCodes.filter((code): code is UsageCode => !(UNCOUNTED as readonly VerifyCode[]).includes(code));
export type DeniedUsageCode = Exclude<UsageCode, 'VALID'>;

/** Where verifiers send their counts: a JetStream stream, so a batch outlives NATS and projector restarts. */
export const UsageStream = {
  name: 'KEYWARD_USAGE',
  subjects: 'keyward.v1.usage.>',
  /** One message per batch, its `batchId` also the `Nats-Msg-Id` (JetStream drops a re-sent duplicate). */
  batches: 'keyward.v1.usage.batches',
  /** The usage projector's durable consumer. */
  consumer: 'keyward-usage-projector',
  /** Entries in one batch at most (each under 1 KB): far below NATS's 1 MiB default message size. */
  maxEntriesPerBatch: 1_000,
} as const;

/** One key's answers in one hour, as a verifier counted them. */
export interface UsageEntry {
  readonly workspaceId: string;
  readonly keyId: string;
  /** ISO time of the hour's start. */
  readonly hour: string;
  readonly counts: Readonly<Partial<Record<UsageCode, number>>>;
  /** ISO time of the key's last VALID answer in this hour, `null` when it had none. */
  readonly lastValidAt: string | null;
}

/** What a verifier flushes at least once a second; applied exactly once by its id (a UUID v7). */
export interface UsageBatch {
  readonly batchId: string;
  readonly entries: readonly UsageEntry[];
}

export const UsageGranularities = ['hour', 'day'] as const;
export type UsageGranularity = (typeof UsageGranularities)[number];

export interface UsageBucket {
  /** ISO time the bucket starts (UTC hour or day). */
  readonly start: string;
  readonly valid: number;
  readonly denied: Readonly<Partial<Record<DeniedUsageCode, number>>>;
}

/** `GET /v1/keys/:id/usage`. */
export interface KeyUsageReport {
  readonly buckets: readonly UsageBucket[];
}

export interface TopKey {
  readonly keyId: string;
  readonly valid: number;
  readonly denied: number;
}

/** `GET /v1/usage`: the workspace's totals per bucket and its busiest keys over the range. */
export interface WorkspaceUsageReport {
  readonly buckets: readonly UsageBucket[];
  readonly topKeys: readonly TopKey[];
}
