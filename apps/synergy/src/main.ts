import { RabbitMqTransport } from '@prepmate/messaging';
import { runService } from '@prepmate/platform';
import { SynergyModule } from './synergy.module';

runService({ module: SynergyModule, transport: RabbitMqTransport });
