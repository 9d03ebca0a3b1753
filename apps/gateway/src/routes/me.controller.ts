import { Controller, Delete, Get, HttpCode } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type RpcCaller } from '@prepmate/contracts';
import { Caller } from '../auth/access.decorators';
import { ApiErrors } from '../docs/api-errors';
import { UserDataService } from './user-data.service';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(private readonly userData: UserDataService) {}

  /** Everything every service holds about the caller. */
  @Get('export')
  @ApiOkResponse({ description: '{ exportedAt, userId, services: { <service>: data } }' })
  @ApiErrors(401)
  export(@Caller() caller: RpcCaller) {
    return this.userData.export(caller);
  }

  /** Deletes the account at once and the rest of the user's data through `user.deleted`. */
  @Delete()
  @HttpCode(202)
  @ApiAcceptedResponse({ description: '{ deleted: { <service>: count }, pending: [service] }' })
  @ApiErrors(401, 404)
  delete(@Caller() caller: RpcCaller) {
    return this.userData.delete(caller);
  }
}
