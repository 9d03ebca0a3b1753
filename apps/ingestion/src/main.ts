import { RabbitMqTransport } from '@prepmate/messaging';
import { runService } from '@prepmate/platform';
import { IngestionModule } from './ingestion.module';

runService({ module: IngestionModule, transport: RabbitMqTransport });
