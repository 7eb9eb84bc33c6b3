import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module';
import { KeyFinder } from './key-finder';
import { leakReportKeysProvider } from './leak-report-keys.provider';
import { ReportLeaksHttpController } from './report-leaks/report-leaks.http.controller';
import { RevokeLeakedHttpController } from './revoke-leaked/revoke-leaked.http.controller';
import { RevokeLeakedThrottle } from './revoke-leaked/revoke-leaked.throttle';

/** Leaked keys (product.md 9.5): signed leak reports, and revoke-by-secret. Both unauthenticated by design. */
@Module({
  imports: [CommandsModule],
  providers: [KeyFinder, leakReportKeysProvider, { provide: RevokeLeakedThrottle, useFactory: () => RevokeLeakedThrottle.fromEnv(process.env) }],
  controllers: [ReportLeaksHttpController, RevokeLeakedHttpController],
})
export class LeaksModule {}
