import { RabbitMqTransport } from '@prepmate/messaging';
import { runService } from '@prepmate/platform';
import { AuthModule } from './auth.module';

runService({ module: AuthModule, transport: RabbitMqTransport });
