import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  type ImportRpcData,
  type PageRpcData,
  type LinkIntegrationRpcData,
  type PlatformRpcData,
  RPC_PATTERNS,
  type RpcRequest,
  type SubmissionsRpcData,
  type SyncLogsRpcData,
} from '@prepmate/contracts';
import { requireAdmin, requireCaller, RpcHandler } from '@prepmate/messaging';
import { ImportService } from './imports/import.service';
import { IntegrationsService } from './integrations/integrations.service';
import { SubmissionStore } from './submissions/submission.store';
import { SyncService } from './sync/sync.service';

/** Ingestion's RPCs: each unpacks the request and calls a service. Bodies were validated by the gateway. */
@Controller()
export class IngestionRpcController {
  constructor(
    private readonly imports: ImportService,
    private readonly integrations: IntegrationsService,
    private readonly sync: SyncService,
    private readonly submissions: SubmissionStore,
  ) {}

  @RpcHandler(RPC_PATTERNS.ingestionImport)
  import(@Payload() request: RpcRequest<ImportRpcData>) {
    return this.imports.import(requireCaller(request), request.data);
  }

  @RpcHandler(RPC_PATTERNS.ingestionLink)
  link(@Payload() request: RpcRequest<LinkIntegrationRpcData>) {
    return this.integrations.link(requireCaller(request), request.data);
  }

  @RpcHandler(RPC_PATTERNS.ingestionUnlink)
  async unlink(@Payload() request: RpcRequest<PlatformRpcData>) {
    await this.integrations.unlink(requireCaller(request), request.data.platform);
    return null;
  }

  @RpcHandler(RPC_PATTERNS.ingestionIntegrations)
  list(@Payload() request: RpcRequest) {
    return this.integrations.list(requireCaller(request));
  }

  @RpcHandler(RPC_PATTERNS.ingestionStartSync)
  startSync(@Payload() request: RpcRequest<PlatformRpcData>) {
    return this.sync.startManual(requireCaller(request), request.data.platform);
  }

  @RpcHandler(RPC_PATTERNS.ingestionSyncState)
  syncState(@Payload() request: RpcRequest<PlatformRpcData>) {
    return this.sync.state(requireCaller(request), request.data.platform);
  }

  @RpcHandler(RPC_PATTERNS.ingestionSyncStates)
  syncStates(@Payload() request: RpcRequest) {
    return this.sync.allStates(requireCaller(request));
  }

  @RpcHandler(RPC_PATTERNS.ingestionSyncLogs)
  syncLogs(@Payload() request: RpcRequest<SyncLogsRpcData>) {
    return this.sync.logsPage(requireCaller(request), request.data);
  }

  @RpcHandler(RPC_PATTERNS.ingestionSyncLog)
  syncLog(@Payload() request: RpcRequest<{ syncBatchId: string }>) {
    return this.sync.logOf(requireCaller(request), request.data.syncBatchId);
  }

  @RpcHandler(RPC_PATTERNS.ingestionRetryReady)
  retryReady(@Payload() request: RpcRequest<PageRpcData>) {
    requireAdmin(request);
    return this.sync.retryReady(request.data);
  }

  @RpcHandler(RPC_PATTERNS.ingestionSubmissions)
  submissionsPage(@Payload() request: RpcRequest<SubmissionsRpcData>) {
    return this.submissions.list(requireCaller(request).userId, request.data);
  }
}
