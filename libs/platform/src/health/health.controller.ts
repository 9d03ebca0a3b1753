import { Controller, Get, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { READINESS_CHECKS, type ReadinessCheck } from './readiness-check';

/** Kubernetes probes: liveness says the process runs; readiness checks every dependency. */
@ApiExcludeController()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[],
  ) {}

  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check(
      this.checks.map((check) => async () => {
        const indicator = this.indicators.check(check.name);
        return (await check.isReady()) ? indicator.up() : indicator.down();
      }),
    );
  }
}
