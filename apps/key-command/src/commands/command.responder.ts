import { Inject, Injectable, Logger, Optional, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { Msg, NatsConnection, Subscription } from 'nats';
import { QueueGroups, type CommandReply } from '@keyward/contracts';
import { decodeCommand, encodeCommandMessage, NATS_CONNECTION, resolvesWithin, withCorrelation } from '@keyward/platform';
import { AppendedPublisher } from './appended.publisher';
import { commandEndpointsOf, type CommandEndpointBinding } from './command-endpoint.decorator';
import { correlationIdOfCommand, outcomeOfReply } from './command-outcome';
import { commandRejection } from './command-rejection';
import { CommandMetrics } from './command.metrics';
import { refuseUntrustedPayload } from './untrusted-payload';

/** Put before every subject served: a test's key-command answers only its own requests on a shared server. Empty in production. */
export const COMMAND_SUBJECT_PREFIX = Symbol('COMMAND_SUBJECT_PREFIX');

/** Commands in flight get this long to answer at shutdown; the connection is drained after. */
const SHUTDOWN_GRACE_MS = 5_000;

type Handle = (request: unknown) => Promise<CommandReply<unknown>>;

interface Endpoint {
  readonly subject: string;
  readonly parse: CommandEndpointBinding['parse'];
  readonly handle: Handle;
}

/**
 * Serves every `@CommandEndpoint` on the raw NATS connection, in the queue group replicas share:
 * the command is plain JSON on its subject, checked as untrusted input, parsed by its endpoint's
 * parser and handled; whatever is thrown is answered as a rejection (`commandRejection`), never
 * left unanswered. One log line and one count per command, with the correlation id of the request
 * that caused it on every line logged meanwhile; never the payload, which may carry a secret.
 */
@Injectable()
export class CommandResponder implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Command');
  private readonly subscriptions: Subscription[] = [];
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    private readonly discovery: DiscoveryService,
    private readonly appended: AppendedPublisher,
    private readonly metrics: CommandMetrics,
    @Optional() @Inject(COMMAND_SUBJECT_PREFIX) private readonly prefix = '',
  ) {}

  onApplicationBootstrap(): void {
    const endpoints = new Map<string, Endpoint>();
    for (const { instance, metatype } of this.discovery.getControllers()) {
      if (!metatype || !instance) continue;
      for (const { subject, parse, method } of commandEndpointsOf(metatype)) {
        if (endpoints.has(subject)) throw new Error(`two endpoints for ${subject}`);
        // The decorator checked the method's type against the subject's contract.
        const handle = (instance as Record<string | symbol, Handle>)[method].bind(instance);
        endpoints.set(subject, { subject, parse, handle });
      }
    }
    for (const endpoint of endpoints.values()) {
      const subscription = this.nats.subscribe(`${this.prefix}${endpoint.subject}`, {
        queue: QueueGroups.keyCommand,
        callback: (error, msg) => (error ? this.logger.warn(`${endpoint.subject} subscription: ${error.message}`) : this.track(this.answer(endpoint, msg))),
      });
      this.subscriptions.push(subscription);
    }
  }

  /**
   * Takes no more commands, and answers those already routed to it (a drain, not an unsubscribe:
   * those would be lost and their callers answered 503 on every restart), then those in flight.
   */
  async beforeApplicationShutdown(): Promise<void> {
    // A connection already closed has nothing left to drain.
    const drained = Promise.all(this.subscriptions.splice(0).map((subscription) => subscription.drain().catch(() => undefined)));
    const answered = drained.then(() => Promise.all(this.inFlight));
    if (!(await resolvesWithin(answered, SHUTDOWN_GRACE_MS))) this.logger.warn('shutdown: commands still in flight were abandoned');
  }

  private track(work: Promise<void>): void {
    // Never a rejection left unhandled, which would end the process: the name only, as the payload may hold a secret.
    const settled = work.catch((error: unknown) => this.logger.error(`command not answered: ${error instanceof Error ? error.name : 'unknown error'}`));
    this.inFlight.add(settled);
    void settled.finally(() => this.inFlight.delete(settled));
  }

  private async answer(endpoint: Endpoint, msg: Msg): Promise<void> {
    if (!msg.reply) return; // a publish without a reply subject expects nothing
    const payload = decodeCommand(msg.data);
    const correlationId = correlationIdOfCommand(payload);
    const work = (): Promise<void> => this.run(endpoint, payload, msg);
    await (correlationId ? withCorrelation(correlationId, work) : work());
  }

  private async run(endpoint: Endpoint, payload: unknown, msg: Msg): Promise<void> {
    const started = performance.now();
    let reply: CommandReply<unknown>;
    try {
      refuseUntrustedPayload(payload);
      reply = await endpoint.handle(endpoint.parse(payload));
    } catch (error) {
      reply = commandRejection(error);
    }
    try {
      msg.respond(encodeCommandMessage(reply));
    } catch (error) {
      // The connection closed under us; the gateway times out and answers 503.
      this.logger.warn(`${endpoint.subject}: reply not sent: ${error instanceof Error ? error.name : 'unknown error'}`);
    }
    // After the reply, in the same write to the server: followers hear of the append as the gateway does.
    this.appended.flush();
    const outcome = outcomeOfReply(reply);
    const seconds = (performance.now() - started) / 1_000;
    this.metrics.observe(endpoint.subject, outcome, seconds);
    this.logger.log({ msg: `${endpoint.subject}: ${outcome}`, subject: endpoint.subject, outcome, durationMs: Math.round(seconds * 1_000) });
  }
}
