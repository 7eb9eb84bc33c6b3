import { Injectable, Logger, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { NatsContext } from '@nestjs/microservices';
import { tap, type Observable } from 'rxjs';
import { withCorrelation } from '@keyward/platform';
import { correlationIdOfCommand, outcomeOfError, outcomeOfReply } from './command-outcome';
import { CommandMetrics } from './command.metrics';

/**
 * One log line and one count per command, and every line logged while it runs carries the
 * correlation id of the request that caused it. Never the payload: it may carry a secret.
 */
@Injectable()
export class CommandLoggingInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Command');

  constructor(private readonly metrics: CommandMetrics) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const rpc = context.switchToRpc();
    const subject = rpc.getContext<NatsContext>().getSubject();
    const started = performance.now();
    const done = (outcome: string): void => {
      const seconds = (performance.now() - started) / 1_000;
      this.metrics.observe(subject, outcome, seconds);
      this.logger.log({ msg: `${subject}: ${outcome}`, subject, outcome, durationMs: Math.round(seconds * 1_000) });
    };
    const work = (): Observable<unknown> => next.handle().pipe(tap({ next: (reply) => done(outcomeOfReply(reply)), error: (error) => done(outcomeOfError(error)) }));
    const correlationId = correlationIdOfCommand(rpc.getData());
    return correlationId ? withCorrelation(correlationId, work) : work();
  }
}
