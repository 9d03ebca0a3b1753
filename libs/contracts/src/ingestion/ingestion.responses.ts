import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  PLATFORMS,
  type Platform,
  type PlatformProblem,
  VERDICTS,
  type Verdict,
} from '../events/submission.events';

export class IntegrationResponse {
  @ApiProperty({ enum: PLATFORMS })
  platform!: Platform;
  @ApiProperty()
  username!: string;
  @ApiProperty({ description: 'A session cookie is stored (it is never returned)' })
  hasSessionCookie!: boolean;
  @ApiProperty({ description: 'Whether PrepMate can sync this platform from its API' })
  syncSupported!: boolean;
  @ApiProperty()
  linkedAt!: string;
  @ApiProperty()
  updatedAt!: string;
}

export class SyncStartedResponse {
  @ApiProperty()
  syncBatchId!: string;
  @ApiProperty({ description: 'false when a sync of this platform was already running' })
  started!: boolean;
}

export const SYNC_STATUSES = ['never', 'running', 'succeeded', 'failed'] as const;
export type SyncStatus = (typeof SYNC_STATUSES)[number];

export class SyncStateResponse {
  @ApiProperty({ enum: PLATFORMS })
  platform!: Platform;
  @ApiProperty({ nullable: true, type: String })
  lastSyncedSubmissionId!: string | null;
  @ApiProperty({ nullable: true, type: String })
  lastSyncedTimestamp!: string | null;
  @ApiProperty({ enum: SYNC_STATUSES })
  lastSyncStatus!: SyncStatus;
  @ApiProperty({ nullable: true, type: String })
  lastSyncAttempt!: string | null;
  @ApiProperty({ nullable: true, type: String })
  nextRetryTime!: string | null;
  @ApiProperty()
  currentRetryAttempt!: number;
  @ApiProperty()
  maxRetries!: number;
  @ApiProperty()
  totalSyncs!: number;
  @ApiProperty()
  successfulSyncs!: number;
  @ApiProperty()
  failedSyncs!: number;
  @ApiProperty({ nullable: true, type: String })
  lastError!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String })
  runningSyncBatchId?: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'When the automatic sync is due (null: this platform is imported, not synced)',
  })
  nextSyncAt!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The next run: the earlier of the automatic sync and a pending retry',
  })
  nextRunAt!: string | null;
  @ApiProperty({ description: 'Failed syncs since the last success (3 or more: sync.failing)' })
  consecutiveFailures!: number;
  @ApiPropertyOptional({ description: 'admin listings only' })
  userId?: string;
}

export class RecordRejection {
  @ApiProperty({ description: 'Position of the record in the request (0-based)' })
  index!: number;
  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'VALIDATION_FAILED or NOT_FINAL' })
  code!: string;
  @ApiProperty({ example: 'problem.platformProblemId: must be a non-empty string' })
  message!: string;
  @ApiPropertyOptional({ example: 'problem.platformProblemId' })
  field?: string;
}

export class ImportResponse {
  @ApiProperty()
  syncBatchId!: string;
  @ApiProperty({ description: 'Records in the request' })
  received!: number;
  @ApiProperty({ description: 'New submissions stored' })
  inserted!: number;
  @ApiProperty({ description: 'Submissions PrepMate already had (nothing is counted twice)' })
  duplicates!: number;
  @ApiProperty({ type: [RecordRejection] })
  rejected!: RecordRejection[];
  @ApiPropertyOptional({ type: [String], description: 'What was imported with less data' })
  warnings?: string[];
}

export class SyncLogResponse {
  @ApiProperty()
  syncBatchId!: string;
  @ApiProperty({ enum: PLATFORMS })
  platform!: Platform;
  @ApiProperty({ enum: ['import', 'sync'] })
  source!: 'import' | 'sync';
  @ApiProperty({ enum: ['running', 'succeeded', 'partial', 'failed'] })
  status!: 'running' | 'succeeded' | 'partial' | 'failed';
  @ApiProperty()
  startTime!: string;
  @ApiProperty({ nullable: true, type: String })
  endTime!: string | null;
  @ApiProperty({ nullable: true, type: Number })
  durationMs!: number | null;
  @ApiProperty()
  recordsFetched!: number;
  @ApiProperty()
  recordsProcessed!: number;
  @ApiProperty()
  recordsInserted!: number;
  @ApiProperty()
  recordsDuplicate!: number;
  @ApiProperty()
  recordsFailed!: number;
  @ApiProperty({ nullable: true, type: Number })
  throughputRecordsPerSecond!: number | null;
  @ApiProperty({ type: [RecordRejection] })
  errors!: RecordRejection[];
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Why a sync failed' })
  failureReason?: string | null;
}

export class SubmissionResponse {
  @ApiProperty()
  id!: string;
  @ApiProperty({ enum: PLATFORMS })
  platform!: Platform;
  @ApiProperty()
  platformSubmissionId!: string;
  @ApiProperty()
  problem!: PlatformProblem;
  @ApiProperty({ enum: VERDICTS })
  verdict!: Verdict;
  @ApiProperty({ nullable: true, type: String })
  language!: string | null;
  @ApiProperty()
  submittedAt!: string;
  @ApiProperty({ nullable: true, type: Number })
  runtimeMs!: number | null;
  @ApiProperty({ nullable: true, type: Number })
  memoryKb!: number | null;
  @ApiProperty({ nullable: true, type: Number })
  solveTimeSeconds!: number | null;
  @ApiProperty()
  syncBatchId!: string;
}
