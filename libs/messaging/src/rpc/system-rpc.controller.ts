import { Controller, Inject } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { RPC_PATTERNS, type SystemHealthResponse } from '@prepmate/contracts';
import { READINESS_CHECKS, type ReadinessCheck, SERVICE_NAME } from '@prepmate/platform';

/** What every service answers over its RPC queue, whatever its features. */
@Controller()
export class SystemRpcController {
  constructor(
    @Inject(SERVICE_NAME) private readonly service: string,
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[],
  ) {}

  @MessagePattern(RPC_PATTERNS.systemHealth)
  async health(): Promise<SystemHealthResponse> {
    const results = await Promise.all(
      this.checks.map(
        async (check) => [check.name, (await check.isReady()) ? 'up' : 'down'] as const,
      ),
    );
    const checks = Object.fromEntries(results);
    return {
      service: this.service,
      status: results.every(([, state]) => state === 'up') ? 'up' : 'down',
      checks,
    };
  }
}
