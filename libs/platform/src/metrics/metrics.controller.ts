import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { register } from 'prom-client';
import { Unguarded } from '../http/access-metadata';

/** Prometheus scrape endpoint: request counts and latency, events consumed and failed, queues. */
@ApiExcludeController()
@Unguarded()
@Controller('metrics')
export class MetricsController {
  @Get()
  @Header('content-type', register.contentType)
  metrics(): Promise<string> {
    return register.metrics();
  }
}
