import type { LoggerService } from '@nestjs/common';
import { Logger as NestPinoLogger, PinoLogger, type Params } from 'nestjs-pino';
import type { Logger } from 'pino';
import { createKeywardLogger } from './keyward-logger';

/** A process has one standard output, so it has one logger; `runMain` names its service. */
let current: Logger | undefined;

export const initServiceLogger = (service: string): Logger => {
  current = createKeywardLogger(service);
  return current;
};

/** The process's logger; a process that did not go through `runMain` (a test) gets one named after its title. */
export const serviceLogger = (): Logger => current ?? initServiceLogger(process.title);

/** nestjs-pino's parameters around the process's logger, so every pino logger it makes is this one. */
export const serviceLoggerParams = (): Params => ({ pinoHttp: { logger: serviceLogger() } });

/**
 * Nest's `LoggerService` writing through the process's logger, handed to `NestFactory` so that
 * every `new Logger(...)` call site and Nest's own messages come out as JSON from the first line.
 * nestjs-pino's adapter also picks up the request-scoped child logger (the correlation id).
 */
export const nestServiceLogger = (): LoggerService => {
  const params = serviceLoggerParams();
  return new NestPinoLogger(new PinoLogger(params), params);
};
