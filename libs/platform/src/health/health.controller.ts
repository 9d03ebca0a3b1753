import {
  Controller,
  Get,
  HttpStatus,
  Inject,
  Res,
  ServiceUnavailableException,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import {
  type HealthCheckResult,
  HealthCheckService,
  HealthIndicatorService,
} from '@nestjs/terminus';
import type { Response } from 'express';
import { Unguarded } from '../http/access-metadata';
import { READINESS_CHECKS, type ReadinessCheck } from './readiness-check';

/**
 * Kubernetes probes: liveness says the process runs; readiness checks every dependency and
 * answers 503 with terminus's report (which dependency is down) when one is not reachable.
 */
@ApiExcludeController()
@Unguarded()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[],
  ) {}

  @Get('live')
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) response: Response): Promise<HealthCheckResult> {
    try {
      return await this.health.check(
        this.checks.map((check) => async () => {
          const indicator = this.indicators.check(check.name);
          return (await check.isReady()) ? indicator.up() : indicator.down();
        }),
      );
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      response.status(HttpStatus.SERVICE_UNAVAILABLE);
      return error.getResponse() as HealthCheckResult;
    }
  }
}
