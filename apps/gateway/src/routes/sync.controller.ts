import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type Page,
  PageQuery,
  PlatformParams,
  RPC_PATTERNS,
  type RpcCaller,
  SyncLogResponse,
  SyncLogsQuery,
  SyncStateResponse,
} from '@prepmate/contracts';
import { UuidParamPipe } from '@prepmate/platform';
import { Caller, Roles } from '../auth/access.decorators';
import { ApiErrors } from '../docs/api-errors';
import { Upstream } from '../upstream/upstream.service';
import { ApiPageResponse } from '../docs/api-page';

@ApiTags('sync')
@ApiBearerAuth()
@Controller()
export class SyncController {
  constructor(private readonly upstream: Upstream) {}

  /** Every linked account's sync: the next run, the last result and the failure streak. */
  @Get('sync/state')
  @ApiOkResponse({ type: [SyncStateResponse] })
  @ApiErrors(401)
  states(@Caller() caller: RpcCaller): Promise<SyncStateResponse[]> {
    return this.upstream.call(RPC_PATTERNS.ingestionSyncStates, {}, caller);
  }

  @Get('sync/state/:platform')
  @ApiOkResponse({ type: SyncStateResponse })
  @ApiErrors(400, 401, 404)
  state(@Param() params: PlatformParams, @Caller() caller: RpcCaller): Promise<SyncStateResponse> {
    return this.upstream.call(RPC_PATTERNS.ingestionSyncState, params, caller);
  }

  /** Sync and import logs, newest first. */
  @Get('sync/logs')
  @ApiPageResponse(SyncLogResponse)
  @ApiErrors(400, 401)
  logs(@Query() query: SyncLogsQuery, @Caller() caller: RpcCaller): Promise<Page<SyncLogResponse>> {
    return this.upstream.call(
      RPC_PATTERNS.ingestionSyncLogs,
      { platform: query.platform, limit: query.limit, cursor: query.cursor },
      caller,
    );
  }

  @Get('sync/logs/:syncBatchId')
  @ApiOkResponse({ type: SyncLogResponse })
  @ApiErrors(400, 401, 404)
  log(
    @Param('syncBatchId', UuidParamPipe) syncBatchId: string,
    @Caller() caller: RpcCaller,
  ): Promise<SyncLogResponse> {
    return this.upstream.call(RPC_PATTERNS.ingestionSyncLog, { syncBatchId }, caller);
  }

  /** Failed syncs due for an automatic retry (what the scheduler picks next). */
  @Get('admin/sync/retry-ready')
  @Roles('admin')
  @ApiPageResponse(SyncStateResponse)
  @ApiErrors(400, 401, 403)
  retryReady(
    @Query() query: PageQuery,
    @Caller() caller: RpcCaller,
  ): Promise<Page<SyncStateResponse>> {
    const { limit, cursor } = query;
    return this.upstream.call(RPC_PATTERNS.ingestionRetryReady, { limit, cursor }, caller);
  }
}
