import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  AdminUserResponse,
  type AuditEventResponse,
  type Page,
  PageQuery,
  RPC_PATTERNS,
  type RpcCaller,
  UpdateUserAccessRequest,
  UserResponse,
} from '@prepmate/contracts';
import { UuidParamPipe } from '@prepmate/platform';
import { AuditedByService } from '../audit/admin-audit.interceptor';
import { Caller, Roles } from '../auth/access.decorators';
import { ApiErrors } from '../docs/api-errors';
import { Upstream } from '../upstream/upstream.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller()
export class UsersController {
  constructor(private readonly upstream: Upstream) {}

  /** A user's profile: yourself, or anyone for mentors and admins. */
  @Get('users/:userId')
  @ApiOkResponse({ type: UserResponse })
  @ApiErrors(400, 401, 403, 404)
  user(
    @Param('userId', UuidParamPipe) userId: string,
    @Caller() caller: RpcCaller,
  ): Promise<UserResponse> {
    return this.upstream.call(RPC_PATTERNS.authGetUser, { userId }, caller);
  }

  @Get('admin/users')
  @Roles('admin')
  @ApiOkResponse({ description: '{ items: User[], nextCursor }' })
  @ApiErrors(400, 401, 403)
  list(@Query() query: PageQuery, @Caller() caller: RpcCaller): Promise<Page<UserResponse>> {
    return this.upstream.call(
      RPC_PATTERNS.authListUsers,
      { limit: query.limit, cursor: query.cursor },
      caller,
    );
  }

  /**
   * Promotes, demotes, locks or unlocks an account (audited by auth). A lock or demotion
   * refuses the account's current access tokens at once; the last active admin cannot be
   * demoted or locked (409).
   */
  @Patch('admin/users/:userId')
  @Roles('admin')
  @AuditedByService()
  @ApiOkResponse({ type: AdminUserResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  setAccess(
    @Param('userId', UuidParamPipe) userId: string,
    @Body() body: UpdateUserAccessRequest,
    @Caller() caller: RpcCaller,
  ): Promise<AdminUserResponse> {
    return this.upstream.call(
      RPC_PATTERNS.authSetUserAccess,
      { userId, role: body.role, isActive: body.isActive },
      caller,
    );
  }

  /** The audit log, newest first (cursor pagination). */
  @Get('admin/audit')
  @Roles('admin')
  @ApiOkResponse({ description: '{ items: AuditEvent[], nextCursor }' })
  @ApiErrors(400, 401, 403)
  audit(@Query() query: PageQuery, @Caller() caller: RpcCaller): Promise<Page<AuditEventResponse>> {
    return this.upstream.call(
      RPC_PATTERNS.authAuditList,
      { limit: query.limit, cursor: query.cursor },
      caller,
    );
  }
}
