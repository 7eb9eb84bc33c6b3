import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { NatsConnection } from 'nats';
import { VerifyClient } from '@keyward/client';
import { loadRootKey, rootKeyBanner, type KeywardConfig } from '@keyward/config';
import { KEYWARD_CONFIG, NATS_CONNECTION } from '@keyward/platform';
import { BearerAuthGuard } from './bearer-auth.guard';
import { RootKeyMatcher } from './root-key.matcher';

@Module({
  providers: [
    {
      provide: RootKeyMatcher,
      inject: [KEYWARD_CONFIG],
      useFactory: (config: KeywardConfig): RootKeyMatcher => {
        const rootKey = loadRootKey(config);
        // Straight to the terminal, once, never through the logger (product.md section 3).
        if (rootKey.generated) process.stdout.write(rootKeyBanner(rootKey));
        return new RootKeyMatcher(rootKey.key);
      },
    },
    { provide: VerifyClient, inject: [NATS_CONNECTION], useFactory: (nats: NatsConnection) => new VerifyClient(nats) },
    { provide: APP_GUARD, useClass: BearerAuthGuard },
  ],
})
export class AuthModule {}
