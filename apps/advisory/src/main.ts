import { RabbitMqTransport } from '@prepmate/messaging';
import { runService } from '@prepmate/platform';
import { AdvisoryModule } from './advisory.module';

runService({ module: AdvisoryModule, transport: RabbitMqTransport });
