import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { NatsConnection } from 'nats';
import { VerifyClient } from '@keyward/client';
import { loadRootKey, rootKeyBanner, type KeywardConfig } from '@keyward/config';
import { KEYWARD_CONFIG, NATS_CONNECTION, READ_MODEL_DATA_SOURCE } from '@keyward/platform';
import { SessionStore } from '@keyward/sessions';
import type { DataSource } from 'typeorm';
import { SessionAuthenticator } from '../session/session.authenticator';
import { sessionLifetimesOf } from '../session/session-lifetimes';
import { cookieSecureOf, SessionCookie } from '../session/session-cookie';
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
    // In the read models' database (ReadModelModule migrates its table), with lifetimes from the environment.
    { provide: SessionStore, inject: [READ_MODEL_DATA_SOURCE], useFactory: (dataSource: DataSource) => new SessionStore(dataSource, sessionLifetimesOf(process.env)) },
    { provide: SessionCookie, useFactory: () => new SessionCookie(cookieSecureOf(process.env)) },
    SessionAuthenticator,
    { provide: APP_GUARD, useClass: BearerAuthGuard },
  ],
  exports: [RootKeyMatcher, VerifyClient, SessionStore, SessionAuthenticator, SessionCookie],
})
export class AuthModule {}
