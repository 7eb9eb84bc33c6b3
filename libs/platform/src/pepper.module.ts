import { Global, Module } from '@nestjs/common';
import { loadPepper, type KeywardConfig } from '@keyward/config';
import { KEYWARD_CONFIG, PEPPER } from './tokens';

/** The HMAC pepper, only for the services that hash key secrets (key-command, verifier). Needs `PlatformModule`. */
@Global()
@Module({
  providers: [{ provide: PEPPER, inject: [KEYWARD_CONFIG], useFactory: (config: KeywardConfig): Buffer => loadPepper(config) }],
  exports: [PEPPER],
})
export class PepperModule {}
