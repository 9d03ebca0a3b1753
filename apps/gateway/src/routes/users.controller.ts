import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type Page,
  PageQuery,
  RPC_PATTERNS,
  type RpcCaller,
  UserResponse,
} from '@prepmate/contracts';
import { UuidParamPipe } from '@prepmate/platform';
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
    return this.upstream.call('auth', RPC_PATTERNS.authGetUser, { userId }, caller);
  }

  @Get('admin/users')
  @Roles('admin')
  @ApiOkResponse({ description: '{ items: User[], nextCursor }' })
  @ApiErrors(400, 401, 403)
  list(@Query() query: PageQuery, @Caller() caller: RpcCaller): Promise<Page<UserResponse>> {
    return this.upstream.call(
      'auth',
      RPC_PATTERNS.authListUsers,
      { limit: query.limit, cursor: query.cursor },
      caller,
    );
  }
}
