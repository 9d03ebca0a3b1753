import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  InferenceLogResponse,
  type Page,
  PageQuery,
  RPC_PATTERNS,
  type RpcCaller,
} from '@prepmate/contracts';
import { Caller, Roles } from '../auth/access.decorators';
import { ApiErrors } from '../docs/api-errors';
import { Upstream } from '../upstream/upstream.service';

@ApiTags('admin: advisory')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/advisory')
export class AdvisoryAdminController {
  constructor(private readonly upstream: Upstream) {}

  /** Every advisory inference, newest first (bodies are dropped after the retention window). */
  @Get('inferences')
  @ApiOkResponse({
    description: '{ items: InferenceLog[], nextCursor }',
    type: [InferenceLogResponse],
  })
  @ApiErrors(400, 401, 403)
  inferences(
    @Query() query: PageQuery,
    @Caller() caller: RpcCaller,
  ): Promise<Page<InferenceLogResponse>> {
    return this.upstream.call(
      RPC_PATTERNS.advisoryInferences,
      { limit: query.limit, cursor: query.cursor },
      caller,
    );
  }
}
