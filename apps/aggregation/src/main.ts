import { RabbitMqTransport } from '@prepmate/messaging';
import { runService } from '@prepmate/platform';
import { AggregationModule } from './aggregation.module';

runService({ module: AggregationModule, transport: RabbitMqTransport });
