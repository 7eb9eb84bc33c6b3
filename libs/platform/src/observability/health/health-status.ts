import type { HealthReport } from './health-checks';

/** 200 only when the service can do its whole job; 503 while catching up or with a dependency down. */
export const httpStatusOf = (report: HealthReport): number => (report.status === 'ok' ? 200 : 503);
