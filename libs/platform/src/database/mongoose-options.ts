import type { ConnectOptions } from 'mongoose';
import type { ServiceConfig } from '../config/service-config';

/** How every service connects to its database (also when DatabaseWatchdog reconnects). */
export function mongooseOptions(config: ServiceConfig): ConnectOptions {
  return {
    dbName: config.MONGO_DB,
    serverSelectionTimeoutMS: 5000,
    autoIndex: true,
    monitorCommands: config.MONGO_SLOW_COMMAND_MS > 0,
  };
}
