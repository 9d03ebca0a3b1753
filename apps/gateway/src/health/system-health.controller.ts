import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '@prepmate/platform';
import { ServicesHealthService } from './services-health.service';
import { SystemHealthDto } from './system-health.dto';

@ApiTags('health')
@Public()
@Controller('health')
export class SystemHealthController {
  constructor(private readonly health: ServicesHealthService) {}

  /** Public: every service up or down; 503 when any is down. */
  @Get()
  @ApiOkResponse({ type: SystemHealthDto })
  @ApiServiceUnavailableResponse({
    type: SystemHealthDto,
    description: 'At least one service is down',
  })
  async check(@Res({ passthrough: true }) response: Response): Promise<SystemHealthDto> {
    const result = await this.health.check();
    if (result.status !== 'up') response.status(HttpStatus.SERVICE_UNAVAILABLE);
    return result;
  }
}
