import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  IntegrationResponse,
  LinkIntegrationRequest,
  PlatformParams,
  RPC_PATTERNS,
  type RpcCaller,
  SyncStartedResponse,
} from '@prepmate/contracts';
import { Caller } from '../auth/access.decorators';
import { ApiErrors } from '../docs/api-errors';
import { Upstream } from '../upstream/upstream.service';

@ApiTags('integrations')
@ApiBearerAuth()
@Controller('integrations')
export class IntegrationsController {
  constructor(private readonly upstream: Upstream) {}

  /** Links (or relinks) the caller's account on a platform. */
  @Put(':platform')
  @ApiOkResponse({ type: IntegrationResponse })
  @ApiErrors(400, 401)
  link(
    @Param() params: PlatformParams,
    @Body() body: LinkIntegrationRequest,
    @Caller() caller: RpcCaller,
  ): Promise<IntegrationResponse> {
    return this.upstream.call(
      RPC_PATTERNS.ingestionLink,
      { ...body, platform: params.platform },
      caller,
    );
  }

  @Get()
  @ApiOkResponse({ type: [IntegrationResponse] })
  @ApiErrors(401)
  list(@Caller() caller: RpcCaller): Promise<IntegrationResponse[]> {
    return this.upstream.call(RPC_PATTERNS.ingestionIntegrations, {}, caller);
  }

  /** Unlinks the account (its stored cookie and sync state go; imported submissions stay). */
  @Delete(':platform')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiErrors(400, 401, 404)
  async unlink(@Param() params: PlatformParams, @Caller() caller: RpcCaller): Promise<void> {
    await this.upstream.call(RPC_PATTERNS.ingestionUnlink, params, caller);
  }

  /** Starts a sync of the linked account (a background job); one at a time per platform. */
  @Post(':platform/sync')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: SyncStartedResponse })
  @ApiErrors(400, 401, 404)
  sync(@Param() params: PlatformParams, @Caller() caller: RpcCaller): Promise<SyncStartedResponse> {
    return this.upstream.call(RPC_PATTERNS.ingestionStartSync, params, caller);
  }
}
