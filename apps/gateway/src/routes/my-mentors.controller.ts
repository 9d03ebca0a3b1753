import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  InviteMentorRequest,
  MentorLinkResponse,
  RPC_PATTERNS,
  type RpcCaller,
} from '@prepmate/contracts';
import { UuidParamPipe } from '@prepmate/platform';
import { Caller } from '../auth/access.decorators';
import { ApiErrors } from '../docs/api-errors';
import { Upstream } from '../upstream/upstream.service';

/** A learner's mentors: invite one by e-mail, list them, remove one. */
@ApiTags('me')
@ApiBearerAuth()
@Controller('me/mentors')
export class MyMentorsController {
  constructor(private readonly upstream: Upstream) {}

  /** Invites an appointed mentor (404 when the address is no mentor's); they accept or decline. */
  @Post()
  @ApiCreatedResponse({ type: MentorLinkResponse })
  @ApiErrors(400, 401, 404, 409)
  invite(
    @Body() body: InviteMentorRequest,
    @Caller() caller: RpcCaller,
  ): Promise<MentorLinkResponse> {
    return this.upstream.call(RPC_PATTERNS.authMentorInvite, { email: body.email }, caller);
  }

  /** Mentors and invitations (pending, accepted, declined), oldest first. */
  @Get()
  @ApiOkResponse({ type: [MentorLinkResponse] })
  @ApiErrors(401)
  list(@Caller() caller: RpcCaller): Promise<MentorLinkResponse[]> {
    return this.upstream.call(RPC_PATTERNS.authMyMentors, {}, caller);
  }

  /** Ends the link (or withdraws the invitation): the mentor reads nothing of yours from now on. */
  @Delete(':mentorId')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiErrors(400, 401, 404)
  async remove(
    @Param('mentorId', UuidParamPipe) mentorId: string,
    @Caller() caller: RpcCaller,
  ): Promise<void> {
    await this.upstream.call(RPC_PATTERNS.authMentorRemove, { mentorId }, caller);
  }
}
