import { storage, Store } from 'nestjs-pino/storage';
import { serviceLogger } from './service-logger';

/**
 * Runs `work` with the process's logger bound to `correlationId`: every line logged while it runs
 * (and while the promise it returns settles), through Nest's `Logger` or nestjs-pino, carries the
 * id of the request that caused it.
 */
export const withCorrelation = <T>(correlationId: string, work: () => T): T => storage.run(new Store(serviceLogger().child({ correlationId })), work);
