import type { Platform, Verdict } from '../events/submission.events';
import type { ImportFormat } from './ingestion.requests';

export interface ImportRpcData {
  format: ImportFormat;
  /** The request body as the client sent it; the ingestion service checks it record by record. */
  body: unknown;
}

export interface LinkIntegrationRpcData {
  platform: Platform;
  username: string;
  sessionCookie?: string;
}

export interface PlatformRpcData {
  platform: Platform;
}

export interface SyncLogsRpcData {
  platform?: Platform;
  limit: number;
  cursor?: string;
}

export interface SubmissionsRpcData {
  platform?: Platform;
  verdict?: Verdict;
  limit: number;
  cursor?: string;
}
