import { Module, type DynamicModule, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { VerifyClient } from '../verify.client';
import type { KeywardModuleAsyncOptions, KeywardModuleOptions } from './keyward-module.options';
import { KeywardGuard } from './keyward.guard';

const KEYWARD_OPTIONS = Symbol('KEYWARD_OPTIONS');

const clientFrom = (options: KeywardModuleOptions): VerifyClient | Promise<VerifyClient> =>
  'connection' in options ? new VerifyClient(options.connection, options) : VerifyClient.connect(options.natsUrl, options);

const clientProvider: Provider = { provide: VerifyClient, inject: [KEYWARD_OPTIONS], useFactory: clientFrom };

/**
 * `VerifyClient` and `KeywardGuard` for the whole application (global, so `@RequireKey` works in
 * every module):
 *
 * ```ts
 * KeywardModule.forRoot({ natsUrl: process.env.NATS_URL })
 * KeywardModule.forRoot({ connection })                      // an existing connection, left open
 * KeywardModule.forRootAsync({ inject: [Config], useFactory: (c: Config) => ({ natsUrl: c.natsUrl }) })
 * ```
 */
@Module({})
export class KeywardModule implements OnApplicationShutdown {
  constructor(private readonly client: VerifyClient) {}

  static forRoot(options: KeywardModuleOptions): DynamicModule {
    return KeywardModule.with([{ provide: KEYWARD_OPTIONS, useValue: options }]);
  }

  static forRootAsync(options: KeywardModuleAsyncOptions): DynamicModule {
    return { ...KeywardModule.with([{ provide: KEYWARD_OPTIONS, inject: options.inject ?? [], useFactory: options.useFactory }]), imports: options.imports ?? [] };
  }

  private static with(optionProviders: Provider[]): DynamicModule {
    return { module: KeywardModule, global: true, providers: [...optionProviders, clientProvider, KeywardGuard], exports: [VerifyClient, KeywardGuard] };
  }

  /** Closes the connection if the module opened it (`natsUrl`); a given `connection` is left alone. */
  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}
