import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { SessionHttpController } from './session.http.controller';
import { SessionPurge } from './session-purge';
import { SignInLimiter } from './sign-in.limiter';

/** The console's sign-in and sign-out; the sessions themselves authenticate in AuthModule's guard. */
@Module({
  imports: [AuthModule],
  controllers: [SessionHttpController],
  providers: [{ provide: SignInLimiter, useFactory: () => new SignInLimiter() }, SessionPurge],
})
export class SessionModule {}
