import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import {
  ChatMessageResponse,
  ConversationResponse,
  PageQuery,
  RPC_PATTERNS,
  type RpcCaller,
  SendChatMessageRequest,
} from '@prepmate/contracts';
import { UuidParamPipe } from '@prepmate/platform';
import { Caller } from '../auth/access.decorators';
import { ApiErrors } from '../docs/api-errors';
import { ApiPageResponse } from '../docs/api-page';
import { Upstream } from '../upstream/upstream.service';

/** Chat between learners whose synergy unlocked it (403 CHAT_LOCKED before). */
@ApiTags('synergy')
@ApiBearerAuth()
@Controller('chats')
export class ChatsController {
  constructor(private readonly upstream: Upstream) {}

  /** My conversations, the most recent first, with the last message and unread count. */
  @Get()
  @ApiPageResponse(ConversationResponse)
  @ApiErrors(400, 401)
  list(@Query() query: PageQuery, @Caller() caller: RpcCaller) {
    return this.upstream.call(
      RPC_PATTERNS.chatConversations,
      { limit: query.limit, cursor: query.cursor },
      caller,
    );
  }

  @Post(':userId/messages')
  @ApiCreatedResponse({ type: ChatMessageResponse })
  @ApiErrors(400, 401, 403)
  send(
    @Param('userId', UuidParamPipe) userId: string,
    @Body() body: SendChatMessageRequest,
    @Caller() caller: RpcCaller,
  ) {
    return this.upstream.call(RPC_PATTERNS.chatSend, { userId, text: body.text }, caller);
  }

  /** Newest first; reading the first page marks the conversation read. */
  @Get(':userId/messages')
  @ApiPageResponse(ChatMessageResponse)
  @ApiErrors(400, 401, 403)
  messages(
    @Param('userId', UuidParamPipe) userId: string,
    @Query() query: PageQuery,
    @Caller() caller: RpcCaller,
  ) {
    return this.upstream.call(
      RPC_PATTERNS.chatMessages,
      { userId, limit: query.limit, cursor: query.cursor },
      caller,
    );
  }
}
