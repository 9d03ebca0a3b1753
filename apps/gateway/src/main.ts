import { runService } from '@prepmate/platform';
import { configureGateway } from './configure-gateway';
import { GatewayModule } from './gateway.module';

runService({
  module: GatewayModule,
  configure: configureGateway,
  jsonBodyLimit: process.env.JSON_BODY_LIMIT || '1mb',
});
