import { RabbitMqTransport } from '@prepmate/messaging';
import { runService } from '@prepmate/platform';
import { RoadmapModule } from './roadmap.module';

runService({ module: RoadmapModule, transport: RabbitMqTransport });
