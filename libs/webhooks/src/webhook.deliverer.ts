import { Webhook } from 'standardwebhooks';
import { OutboundFailedError, OutboundRefusedError, sendOutbound, type OutboundPolicy } from '@keyward/outbound';
import type { WebhookStateQueries } from '@keyward/read-models';
import type { ExistingWebhook } from '@keyward/domain';
import { CredentialShreddedError, type CredentialVault } from '@keyward/vault';
import type { DeliveryLeadership } from './delivery-leadership';
import type { AttemptOutcome, AttemptRecord, DeliveryStore, DueDelivery, FailedDelivery } from './delivery.store';
import { retryDelayMs, retryPeriodOver, type RetrySchedule } from './retry-schedule';

export interface DelivererOptions {
  readonly schedule: RetrySchedule;
  readonly policy: OutboundPolicy;
  /** Endpoints tried at once (each one delivery at a time, in order). */
  readonly concurrency: number;
  /** Of those, at most this many of one workspace: a tenant whose endpoints all hang holds no more. */
  readonly perWorkspace: number;
  /** Settled deliveries and their attempts are deleted this long after they were enqueued. */
  readonly retentionMs: number;
  /** How often the queue is looked at when nothing woke the loop. */
  readonly pollMs: number;
}

/**
 * Appends `WebhookDisabled` (actor `system`, causation the failed delivery) through key-command,
 * where every write is decided; answers whether it disabled the endpoint now (false: disabled or
 * deleted already). Throws when key-command cannot be reached: the delivery stays marked.
 */
export type WebhookDisabler = (webhookId: string, workspaceId: string, reason: string, causationId: string) => Promise<boolean>;

/** What the service counts and reports; never a secret, a signature or a payload. */
export interface DeliveryObserver {
  /** `detail`: the whole reason of a failure before any answer, for the operator's log only. */
  onAttempt(outcome: AttemptOutcome['kind'], delivery: DueDelivery, attempt: AttemptRecord, detail?: string): void;
  onDisabled(webhookId: string, workspaceId: string, reason: string): void;
  onError(error: Error): void;
}

const USER_AGENT = 'Keyward-Webhooks/1';
/** Failed endpoints reported per look; more wait for the next. */
const REPORT_BATCH = 16;
/** The retention purge runs at most this often, deleting at most a batch each time. */
const PURGE_EVERY_MS = 60_000;
const PURGE_BATCH = 1_000;

/** The one text for every failure before an answer that is about the address, not the receiver. */
export const ADDRESS_NOT_REACHED = 'the address is not allowed or could not be reached';

/**
 * What a tenant may read of a failed try (it is kept with the attempt): a timeout or an answer too
 * large, which are its receiver's doing, but never which of "not a public address", "does not
 * resolve" or "connection refused" stopped it, which would let a tenant map the sender's network
 * by pointing an endpoint at it. The operator's log gets the whole reason.
 */
export const tenantErrorText = (error: unknown, policy: OutboundPolicy): string => {
  if (error instanceof OutboundFailedError && error.kind === 'timeout') return `no answer within ${policy.timeoutMs} ms`;
  if (error instanceof OutboundFailedError && error.kind === 'too-large') return error.message;
  return ADDRESS_NOT_REACHED;
};

const operatorErrorText = (error: unknown): string => (error instanceof OutboundRefusedError || error instanceof OutboundFailedError || error instanceof Error ? error.message : 'the request failed');

/**
 * Sends the queued deliveries: per endpoint one at a time and oldest first (the next waits until
 * the previous is delivered or given up), endpoints side by side. Each try takes the endpoint's
 * URL and signing secret from its history as it is now (a rotated secret signs at once; a deleted
 * or disabled endpoint gets nothing more), signs per Standard Webhooks with the delivery's stable
 * id, and goes through the outbound guard. A failed try is retried with exponential backoff and
 * full jitter until the retry period is over; then the endpoint is disabled and reported: the
 * failure is recorded first with `disable_pending`, and every look disables what is so marked
 * (through key-command), so a crash or a refused append in between is finished later, never lost. Only the replica holding the
 * delivery lock sends (`DeliveryLeadership`); it also purges settled deliveries past retention.
 */
export class WebhookDeliverer {
  private readonly busy = new Set<string>();
  private readonly busyByWorkspace = new Map<string, number>();
  private purgedAt = 0;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private again = false;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly deliveries: DeliveryStore,
    private readonly leadership: DeliveryLeadership,
    private readonly webhooks: WebhookStateQueries,
    private readonly vault: CredentialVault,
    private readonly disableWebhook: WebhookDisabler,
    private readonly options: DelivererOptions,
    private readonly observer: DeliveryObserver,
  ) {}

  start(): void {
    this.wake();
  }

  /** Look at the queue now (deliveries were enqueued, or a try settled). */
  wake(): void {
    if (this.stopped) return;
    if (this.ticking) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.ticking = this.tick().finally(() => {
      this.ticking = undefined;
      if (this.stopped) return;
      if (this.again) {
        this.again = false;
        this.wake();
        return;
      }
      this.timer = setTimeout(() => this.wake(), this.options.pollMs);
    });
  }

  /** Lets tries in flight finish (each is bounded by the outbound timeout); a try cut short is sent again after a restart. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.ticking;
    await Promise.allSettled([...this.inFlight]);
    await this.leadership.release();
  }

  private async tick(): Promise<void> {
    if (!(await this.leadership.held())) return;
    let due: DueDelivery[] = [];
    try {
      await this.disableFailed();
      await this.purge();
      const room = this.options.concurrency - this.busy.size;
      if (room > 0) due = await this.deliveries.dueHeads([...this.busy], room, this.busyByWorkspace, this.options.perWorkspace);
    } catch (error) {
      this.observer.onError(error as Error);
      return;
    }
    for (const delivery of due) {
      this.busy.add(delivery.webhookId);
      this.busyByWorkspace.set(delivery.workspaceId, (this.busyByWorkspace.get(delivery.workspaceId) ?? 0) + 1);
      const running = this.attempt(delivery).then(
        () => {
          this.settled(delivery, running);
          this.wake();
        },
        // The try could not be made or recorded (the database or the vault failing): the head stays
        // as it was, and is looked at again at the next poll rather than at once, in a loop.
        (error: Error) => {
          this.settled(delivery, running);
          this.observer.onError(error);
        },
      );
      this.inFlight.add(running);
    }
  }

  private settled(delivery: DueDelivery, running: Promise<void>): void {
    this.busy.delete(delivery.webhookId);
    const left = (this.busyByWorkspace.get(delivery.workspaceId) ?? 1) - 1;
    if (left > 0) this.busyByWorkspace.set(delivery.workspaceId, left);
    else this.busyByWorkspace.delete(delivery.workspaceId);
    this.inFlight.delete(running);
  }

  /** Disables and reports each endpoint whose delivery failed for good, then clears the mark. */
  private async disableFailed(): Promise<void> {
    for (const failed of await this.deliveries.failedToReport(REPORT_BATCH)) {
      // One that cannot be disabled now (the event store failing) stays marked for the next look; the queue goes on.
      await this.disable(failed).catch((error: Error) => this.observer.onError(error));
    }
  }

  private async disable({ id, webhookId, workspaceId, error }: FailedDelivery): Promise<void> {
    const reason = `deliveries failed for ${Math.round(this.options.schedule.retryForMs / 60_000)} minutes (last: ${error ?? 'no answer'})`;
    const disabledNow = await this.disableWebhook(webhookId, workspaceId, reason, id);
    await this.deliveries.reported(id);
    if (disabledNow) this.observer.onDisabled(webhookId, workspaceId, reason);
  }

  private async purge(): Promise<void> {
    const now = Date.now();
    if (now - this.purgedAt < PURGE_EVERY_MS) return;
    this.purgedAt = now;
    await this.deliveries.purgeSettled(new Date(now - this.options.retentionMs), PURGE_BATCH);
  }

  /** The signing secret, or `undefined` once the endpoint is deleted (its data key destroyed meanwhile). */
  private async secretOf(webhook: ExistingWebhook): Promise<string | undefined> {
    try {
      return await this.vault.open(webhook.webhookId, webhook.workspaceId, webhook.sealedSecret);
    } catch (error) {
      if (error instanceof CredentialShreddedError) return undefined;
      throw error;
    }
  }

  private async attempt(delivery: DueDelivery): Promise<void> {
    const webhook = await this.webhooks.get(delivery.workspaceId, delivery.webhookId);
    const secret = webhook?.enabled ? await this.secretOf(webhook) : undefined;
    if (!webhook || secret === undefined) {
      await this.deliveries.abandonPending(delivery.webhookId);
      return;
    }
    const attemptedAt = new Date();
    const signature = new Webhook(secret).sign(delivery.id, attemptedAt, delivery.payload);
    const headers = {
      'content-type': 'application/json',
      'user-agent': USER_AGENT,
      'webhook-id': delivery.id,
      'webhook-timestamp': String(Math.floor(attemptedAt.getTime() / 1000)),
      'webhook-signature': signature,
    };
    let status: number | null = null;
    let error: string | null = null;
    let detail: string | undefined;
    try {
      // `URL` keeps a host's trailing dot, the guard compares without it: endpoints created before the domain dropped it.
      const host = new URL(webhook.url).host.replace(/\.(?=:\d+$|$)/, '');
      const answer = await sendOutbound({ method: 'POST', url: webhook.url, headers, body: delivery.payload }, [host], this.options.policy);
      status = answer.status;
      if (status < 200 || status > 299) error = `answered ${status}`;
    } catch (failure) {
      error = tenantErrorText(failure, this.options.policy);
      detail = operatorErrorText(failure);
    }
    const record: AttemptRecord = { attemptedAt, status, durationMs: Date.now() - attemptedAt.getTime(), error };
    const outcome = this.outcomeOf(delivery, record);
    // Not recorded: this replica lost the lock meanwhile and the delivery moved on without it.
    if (!(await this.deliveries.recordAttempt(delivery, record, outcome))) return;
    this.observer.onAttempt(outcome.kind, delivery, record, detail);
    if (outcome.kind === 'failed') await this.disableFailed();
  }

  private outcomeOf(delivery: DueDelivery, record: AttemptRecord): AttemptOutcome {
    if (record.error === null) return { kind: 'delivered' };
    const now = new Date();
    if (retryPeriodOver(delivery.firstAttemptAt ?? record.attemptedAt, now, this.options.schedule)) return { kind: 'failed' };
    return { kind: 'retry', nextAttemptAt: new Date(now.getTime() + retryDelayMs(delivery.attemptCount + 1, this.options.schedule)) };
  }
}
