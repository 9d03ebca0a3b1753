import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { ServiceConfig } from '../config/service-config';
import { MongoReadiness } from '../health/mongo.readiness';
import { ROOT_LOGGER } from '../logging/logger.tokens';
import { DatabaseWatchdog } from './database-watchdog';
import { mongooseOptions } from './mongoose-options';
import { logSlowCommands } from './slow-commands';

/** The service's own MongoDB database (MongoDB 7+ in production, FerretDB 1.24 in CI). */
@Global()
@Module({
  imports: [
    MongooseModule.forRootAsync({
      inject: [ServiceConfig, ROOT_LOGGER],
      useFactory: (config: ServiceConfig, logger: Logger) => ({
        uri: config.MONGO_URL,
        ...mongooseOptions(config),
        connectionFactory: (connection: Connection) => {
          logSlowCommands(connection, logger, config.MONGO_SLOW_COMMAND_MS);
          return connection;
        },
      }),
    }),
  ],
  providers: [MongoReadiness, DatabaseWatchdog],
  exports: [MongoReadiness],
})
export class DatabaseModule {}
