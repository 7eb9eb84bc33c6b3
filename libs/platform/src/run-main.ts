import { Logger } from '@nestjs/common';

/** Starts a service; a failed start ends the process with a readable reason instead of a stack dump. */
export const runMain = (service: string, bootstrap: () => Promise<void>): void => {
  process.title = `keyward-${service}`;
  bootstrap().catch((error: unknown) => {
    new Logger(service).error(`could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
};
