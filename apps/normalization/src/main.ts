import { RabbitMqTransport } from '@prepmate/messaging';
import { runService } from '@prepmate/platform';
import { NormalizationModule } from './normalization.module';

runService({ module: NormalizationModule, transport: RabbitMqTransport });
