import type { LoggerService } from '@nestjs/common';
import { initServiceLogger, nestServiceLogger } from './observability/logging/service-logger';

/**
 * Starts a service with JSON logs from its first line: `bootstrap` gets the logger to hand to
 * `NestFactory`. A failed start ends the process with a readable reason instead of a stack dump.
 */
export const runMain = (service: string, bootstrap: (logger: LoggerService) => Promise<void>): void => {
  process.title = `keyward-${service}`;
  const logger = initServiceLogger(service);
  // Node would print these as text with a stack; they still end the process, as Node would.
  process.once('uncaughtException', (error: Error) => {
    logger.fatal({ err: error }, 'uncaught exception: exiting');
    process.exit(1);
  });
  bootstrap(nestServiceLogger()).catch((error: unknown) => {
    logger.error(`could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
};
