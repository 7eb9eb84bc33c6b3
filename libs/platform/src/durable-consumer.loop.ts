import { AckPolicy, nanos, type JsMsg, type NatsConnection } from 'nats';

export interface DurableConsumerOptions {
  readonly stream: string;
  /** The durable consumer: replicas share it, each message going to one of them. */
  readonly consumer: string;
  /** Creates the stream, or finds it as it should be (idempotent), before the consumer is added. */
  readonly ensureStream: (nats: NatsConnection) => Promise<void>;
  readonly fetchMax: number;
  /** A fetch waits this long for messages; a stop waits at most that for the loop. */
  readonly fetchExpiresMs: number;
  /** An unacknowledged message comes again after this. */
  readonly ackWaitMs: number;
  /** After a failure, before trying again; the rest of a failed fetch comes back after it too. */
  readonly retryMs: number;
  /** Handles one message and acknowledges, naks or terminates it; a throw fails the fetch. */
  readonly handle: (message: JsMsg) => Promise<void>;
  /** After each fetch handled in full (housekeeping). */
  readonly afterFetch?: () => Promise<void>;
  /** Each failure (NATS or the handler's dependency away); the loop goes on after `retryMs`. */
  readonly onFailure: (error: unknown) => void;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Pulls a JetStream stream with one durable consumer and explicit acknowledgements, one message
 * at a time, until stopped: the loop of the usage projector and of the webhook sender's
 * rate-limit notices. A failed message stops its fetch (the rest go back at once, rather than
 * after the ack wait) and the loop starts again after a pause.
 */
export class DurableConsumerLoop {
  private running = false;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly nats: NatsConnection,
    private readonly options: DurableConsumerOptions,
  ) {}

  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.follow();
      } catch (error) {
        this.options.onFailure(error);
        await sleep(this.options.retryMs);
      }
    }
  }

  private async follow(): Promise<void> {
    const { stream, consumer: name, retryMs } = this.options;
    await this.options.ensureStream(this.nats);
    const jsm = await this.nats.jetstreamManager();
    // Idempotent like the stream: the same durable consumer, whoever starts first.
    await jsm.consumers.add(stream, { durable_name: name, ack_policy: AckPolicy.Explicit, ack_wait: nanos(this.options.ackWaitMs) });
    const consumer = await this.nats.jetstream().consumers.get(stream, name);
    while (this.running) {
      const messages = await consumer.fetch({ max_messages: this.options.fetchMax, expires: this.options.fetchExpiresMs });
      let failure: unknown;
      for await (const message of messages) {
        if (failure !== undefined) message.nak(retryMs);
        else failure = await this.options.handle(message).then(() => undefined, (error: unknown) => error ?? new Error('unknown error'));
      }
      if (failure !== undefined) throw failure;
      await this.options.afterFetch?.();
    }
  }
}
