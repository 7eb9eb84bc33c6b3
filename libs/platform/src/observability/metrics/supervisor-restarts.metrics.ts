import { Gauge, type Registry } from 'prom-client';

/**
 * `keyward_supervisor_restarts`: how often the supervisor (`npm start`) restarted this service
 * before the current run. A crash loop shows as a count that keeps growing; the supervisor's own
 * status file is not scraped. Absent when nothing supervises the service.
 */
export const registerSupervisorRestarts = (registry: Registry, restarts: number | undefined): void => {
  if (restarts === undefined) return;
  new Gauge({ name: 'keyward_supervisor_restarts', help: 'Restarts of this service by its supervisor before the current run', registers: [registry] }).set(restarts);
};
