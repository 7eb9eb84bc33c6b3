import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * A service's metrics: its own series plus Node's defaults (CPU, memory, event loop lag, GC, and
 * `process_start_time_seconds`, whose changes count restarts). Every series carries `service`.
 */
export const createMetricsRegistry = (service: string): Registry => {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
};
