import { Module } from '@nestjs/common';
import { AmqpReadiness, MessagingServerModule } from '@prepmate/messaging';
import { DatabaseModule, MongoReadiness, PlatformModule } from '@prepmate/platform';

/** The normalization service: topics, tag aliases, canonical problems and platform mappings. */
@Module({
  imports: [
    PlatformModule.forRoot({
      service: 'normalization',
      readiness: [MongoReadiness, AmqpReadiness],
    }),
    DatabaseModule,
    MessagingServerModule,
  ],
})
export class NormalizationModule {}
