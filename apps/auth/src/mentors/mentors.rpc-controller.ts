import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  type InviteMentorRpcData,
  type MentorScopeRpcData,
  type PageRpcData,
  type RemoveMentorRpcData,
  type RespondInvitationRpcData,
  RPC_PATTERNS,
  type RpcRequest,
} from '@prepmate/contracts';
import { requireCaller, RpcHandler } from '@prepmate/messaging';
import { MentorsService } from './mentors.service';

/** Mentor-link RPCs: each unpacks the request and calls the service (the gateway validated bodies). */
@Controller()
export class MentorsRpcController {
  constructor(private readonly mentors: MentorsService) {}

  @RpcHandler(RPC_PATTERNS.authMentorInvite)
  invite(@Payload() request: RpcRequest<InviteMentorRpcData>) {
    return this.mentors.invite(requireCaller(request), request.data.email);
  }

  @RpcHandler(RPC_PATTERNS.authMyMentors)
  myMentors(@Payload() request: RpcRequest) {
    return this.mentors.myMentors(requireCaller(request));
  }

  @RpcHandler(RPC_PATTERNS.authMentorRemove)
  async remove(@Payload() request: RpcRequest<RemoveMentorRpcData>) {
    await this.mentors.remove(requireCaller(request), request.data.mentorId);
    return null;
  }

  @RpcHandler(RPC_PATTERNS.authMentorInvitations)
  invitations(@Payload() request: RpcRequest<PageRpcData>) {
    return this.mentors.invitations(requireCaller(request), request.data);
  }

  @RpcHandler(RPC_PATTERNS.authMentorRespond)
  respond(@Payload() request: RpcRequest<RespondInvitationRpcData>) {
    return this.mentors.respond(
      requireCaller(request),
      request.data.studentId,
      request.data.accept,
    );
  }

  @RpcHandler(RPC_PATTERNS.authMentorStudents)
  students(@Payload() request: RpcRequest<PageRpcData>) {
    return this.mentors.students(requireCaller(request), request.data);
  }

  @RpcHandler(RPC_PATTERNS.authMentorScope)
  scope(@Payload() request: RpcRequest<MentorScopeRpcData>) {
    return this.mentors.scope(requireCaller(request), request.data.studentId);
  }
}
