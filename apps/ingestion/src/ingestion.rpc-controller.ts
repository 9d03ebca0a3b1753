import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
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
import { requireAdmin, requireCaller } from '@prepmate/messaging';
import { ImportService } from './imports/import.service';
import { IntegrationsService } from './integrations/integrations.service';
import { SubmissionsRepository } from './submissions/submissions.repository';
import { SyncService } from './sync/sync.service';

/** Ingestion's RPCs: each unpacks the request and calls a service. Bodies were validated by the gateway. */
@Controller()
export class IngestionRpcController {
  constructor(
    private readonly imports: ImportService,
    private readonly integrations: IntegrationsService,
    private readonly sync: SyncService,
    private readonly submissions: SubmissionsRepository,
  ) {}

  @MessagePattern(RPC_PATTERNS.ingestionImport)
  import(@Payload() request: RpcRequest<ImportRpcData>) {
    return this.imports.import(requireCaller(request), request.data);
  }

  @MessagePattern(RPC_PATTERNS.ingestionLink)
  link(@Payload() request: RpcRequest<LinkIntegrationRpcData>) {
    return this.integrations.link(requireCaller(request), request.data);
  }

  @MessagePattern(RPC_PATTERNS.ingestionUnlink)
  async unlink(@Payload() request: RpcRequest<PlatformRpcData>) {
    await this.integrations.unlink(requireCaller(request), request.data.platform);
    return null;
  }

  @MessagePattern(RPC_PATTERNS.ingestionIntegrations)
  list(@Payload() request: RpcRequest) {
    return this.integrations.list(requireCaller(request));
  }

  @MessagePattern(RPC_PATTERNS.ingestionStartSync)
  startSync(@Payload() request: RpcRequest<PlatformRpcData>) {
    return this.sync.startManual(requireCaller(request), request.data.platform);
  }

  @MessagePattern(RPC_PATTERNS.ingestionSyncState)
  syncState(@Payload() request: RpcRequest<PlatformRpcData>) {
    return this.sync.state(requireCaller(request), request.data.platform);
  }

  @MessagePattern(RPC_PATTERNS.ingestionSyncStates)
  syncStates(@Payload() request: RpcRequest) {
    return this.sync.allStates(requireCaller(request));
  }

  @MessagePattern(RPC_PATTERNS.ingestionSyncLogs)
  syncLogs(@Payload() request: RpcRequest<SyncLogsRpcData>) {
    return this.sync.logsPage(requireCaller(request), request.data);
  }

  @MessagePattern(RPC_PATTERNS.ingestionSyncLog)
  syncLog(@Payload() request: RpcRequest<{ syncBatchId: string }>) {
    return this.sync.logOf(requireCaller(request), request.data.syncBatchId);
  }

  @MessagePattern(RPC_PATTERNS.ingestionRetryReady)
  retryReady(@Payload() request: RpcRequest<PageRpcData>) {
    requireAdmin(request);
    return this.sync.retryReady(request.data);
  }

  @MessagePattern(RPC_PATTERNS.ingestionSubmissions)
  submissionsPage(@Payload() request: RpcRequest<SubmissionsRpcData>) {
    return this.submissions.list(requireCaller(request).userId, request.data);
  }
}
