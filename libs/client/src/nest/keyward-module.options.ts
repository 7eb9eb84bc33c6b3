import type { FactoryProvider, ModuleMetadata } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import type { VerifyClientConnectOptions, VerifyClientOptions } from '../verify.client';

/** Connect to NATS for the guard alone; the module drains and closes it on shutdown. */
export interface KeywardNatsUrlOptions extends VerifyClientConnectOptions {
  readonly natsUrl: string | readonly string[];
}

/** Use the application's own connection; it stays the application's to close. */
export interface KeywardConnectionOptions extends VerifyClientOptions {
  readonly connection: NatsConnection;
}

export type KeywardModuleOptions = KeywardNatsUrlOptions | KeywardConnectionOptions;

export interface KeywardModuleAsyncOptions {
  readonly imports?: ModuleMetadata['imports'];
  readonly inject?: FactoryProvider['inject'];
  /** `never[]`: whatever `inject` resolves to, without `any`. */
  readonly useFactory: (...dependencies: never[]) => KeywardModuleOptions | Promise<KeywardModuleOptions>;
}
