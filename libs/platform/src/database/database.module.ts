import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ServiceConfig } from '../config/service-config';
import { MongoReadiness } from '../health/mongo.readiness';

/** The service's own MongoDB database (MongoDB 7+ in production, FerretDB 1.24 in CI). */
@Global()
@Module({
  imports: [
    MongooseModule.forRootAsync({
      inject: [ServiceConfig],
      useFactory: (config: ServiceConfig) => ({
        uri: config.MONGO_URL,
        dbName: config.MONGO_DB,
        serverSelectionTimeoutMS: 5000,
        autoIndex: true,
      }),
    }),
  ],
  providers: [MongoReadiness],
  exports: [MongoReadiness],
})
export class DatabaseModule {}
