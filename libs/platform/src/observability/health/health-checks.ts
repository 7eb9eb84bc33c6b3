import { Injectable } from '@nestjs/common';
import { resolvesWithin } from '../../resolves-within';

/** `catching-up`: a follower still reading the history; `stale`: one that fell behind it. */
export type CheckState = 'ok' | 'down' | 'catching-up' | 'stale';

export type HealthStatus = 'ok' | 'catching-up' | 'degraded';

export interface HealthReport {
  readonly status: HealthStatus;
  /** One entry per dependency or duty of the service, by name: `database`, `nats`, `eventStore`, `index`… */
  readonly checks: Readonly<Record<string, CheckState>>;
}

export type Probe = () => CheckState | Promise<CheckState>;

/** A hung dependency must not hang the probe. */
export const CHECK_TIMEOUT_MS = 2_000;

/** A dependency is `ok` when `ping` resolves within the bound, `down` when it fails or hangs. */
export const reachable =
  (ping: () => Promise<unknown>, timeoutMs = CHECK_TIMEOUT_MS): Probe =>
  async () => ((await resolvesWithin(Promise.resolve().then(ping), timeoutMs)) ? 'ok' : 'down');

/** `ok` only when everything is; a dependency down or stale makes it `degraded`; else still `catching-up`. */
export const overallStatus = (states: readonly CheckState[]): HealthStatus =>
  states.some((s) => s === 'down' || s === 'stale') ? 'degraded' : states.includes('catching-up') ? 'catching-up' : 'ok';

/**
 * Readiness (product.md section 13): each module that opens a dependency registers its probe
 * here, so a service's `/health` names exactly what it uses and which of it is down.
 */
@Injectable()
export class HealthChecks {
  private readonly probes = new Map<string, Probe>();

  register(name: string, probe: Probe): void {
    this.probes.set(name, probe);
  }

  async report(): Promise<HealthReport> {
    const names = [...this.probes.keys()];
    // A probe that throws is as good as a dependency that is down.
    const states = await Promise.all([...this.probes.values()].map(async (probe) => Promise.resolve().then(probe).catch((): CheckState => 'down')));
    return { status: overallStatus(states), checks: Object.fromEntries(names.map((name, i) => [name, states[i]])) };
  }
}
