import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
/** Written by the jest global setup, read by tests that drive the infrastructure. */
export const INFRA_FILE = join(REPO_ROOT, '.local', 'test', 'infrastructure.json');

export interface InfraFile {
  mongoUrl: string;
  amqpUrl: string;
  redisUrl: string;
  brokerRestartCommands: string[][] | null;
}
