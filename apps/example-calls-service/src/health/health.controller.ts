import { Controller, Get } from '@nestjs/common';

/** Liveness, public: no `@RequireKey`, so the guard leaves it alone. */
@Controller('health')
export class HealthController {
  @Get()
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
