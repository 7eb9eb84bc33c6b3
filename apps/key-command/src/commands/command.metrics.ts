import { Inject, Injectable } from '@nestjs/common';
import { Counter, Histogram, type Registry } from 'prom-client';
import { METRICS_REGISTRY } from '@keyward/platform';

/**
 * `keyward_commands_total{subject,outcome}` and `keyward_command_duration_seconds{subject}`.
 * Both label sets are closed: subjects are the handlers' patterns, outcomes `ok` or an error code.
 */
@Injectable()
export class CommandMetrics {
  private readonly commands: Counter;
  private readonly duration: Histogram;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.commands = new Counter({ name: 'keyward_commands_total', help: 'Commands handled, by subject and outcome (ok or the error code)', labelNames: ['subject', 'outcome'], registers: [registry] });
    this.duration = new Histogram({
      name: 'keyward_command_duration_seconds',
      help: 'Time to decide and append a command, by subject',
      labelNames: ['subject'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    });
  }

  observe(subject: string, outcome: string, seconds: number): void {
    this.commands.labels(subject, outcome).inc();
    this.duration.labels(subject).observe(seconds);
  }
}
