import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  type ChatMessagesRpcData,
  type CreatePostRpcData,
  type PageRpcData,
  type PostIdRpcData,
  RPC_PATTERNS,
  type RpcRequest,
  type ScratchRpcData,
  type SendChatMessageRpcData,
  type UpdatePostRpcData,
  type UserIdRpcData,
  type UserPostsRpcData,
} from '@prepmate/contracts';
import { requireCaller, RpcHandler } from '@prepmate/messaging';
import { ChatService } from './chat/chat.service';
import { SynergyService } from './pairs/synergy.service';
import { PostsService } from './posts/posts.service';
import { LearnerProfileStore } from './profiles/learner-profile.store';
import { ScratchesService } from './scratches/scratches.service';

/** Synergy's RPCs: unpack, require the caller, call the service. */
@Controller()
export class SynergyRpcController {
  constructor(
    private readonly posts: PostsService,
    private readonly scratches: ScratchesService,
    private readonly profiles: LearnerProfileStore,
    private readonly synergy: SynergyService,
    private readonly chat: ChatService,
  ) {}

  @RpcHandler(RPC_PATTERNS.postsCreate)
  create(@Payload() request: RpcRequest<CreatePostRpcData>) {
    return this.posts.create(requireCaller(request), request.data);
  }

  @RpcHandler(RPC_PATTERNS.postsUpdate)
  update(@Payload() request: RpcRequest<UpdatePostRpcData>) {
    const { postId, ...change } = request.data;
    return this.posts.update(requireCaller(request), postId, change);
  }

  @RpcHandler(RPC_PATTERNS.postsDelete)
  remove(@Payload() request: RpcRequest<PostIdRpcData>) {
    return this.posts.remove(requireCaller(request), request.data.postId);
  }

  @RpcHandler(RPC_PATTERNS.postsFeed)
  feed(@Payload() request: RpcRequest<PageRpcData>) {
    return this.posts.feed(requireCaller(request), request.data);
  }

  @RpcHandler(RPC_PATTERNS.postsGet)
  get(@Payload() request: RpcRequest<PostIdRpcData>) {
    return this.posts.get(requireCaller(request), request.data.postId);
  }

  @RpcHandler(RPC_PATTERNS.postsOfUser)
  ofUser(@Payload() request: RpcRequest<UserPostsRpcData>) {
    const { userId, ...page } = request.data;
    return this.posts.feed(requireCaller(request), { ...page, authorId: userId });
  }

  @RpcHandler(RPC_PATTERNS.postsScratch)
  scratch(@Payload() request: RpcRequest<ScratchRpcData>) {
    const { postId, ...scratch } = request.data;
    return this.scratches.scratch(requireCaller(request), postId, scratch);
  }

  @RpcHandler(RPC_PATTERNS.levelOf)
  level(@Payload() request: RpcRequest<UserIdRpcData>) {
    requireCaller(request);
    return this.profiles.level(request.data.userId);
  }

  @RpcHandler(RPC_PATTERNS.synergyPairs)
  pairs(@Payload() request: RpcRequest<PageRpcData>) {
    return this.synergy.list(requireCaller(request), request.data);
  }

  @RpcHandler(RPC_PATTERNS.synergyPair)
  pair(@Payload() request: RpcRequest<UserIdRpcData>) {
    return this.synergy.get(requireCaller(request), request.data.userId);
  }

  @RpcHandler(RPC_PATTERNS.synergySuggestions)
  suggestions(@Payload() request: RpcRequest) {
    return this.synergy.suggestions(requireCaller(request));
  }

  @RpcHandler(RPC_PATTERNS.chatSend)
  send(@Payload() request: RpcRequest<SendChatMessageRpcData>) {
    return this.chat.send(requireCaller(request), request.data.userId, request.data.text);
  }

  @RpcHandler(RPC_PATTERNS.chatMessages)
  messages(@Payload() request: RpcRequest<ChatMessagesRpcData>) {
    const { userId, ...page } = request.data;
    return this.chat.history(requireCaller(request), userId, page);
  }

  @RpcHandler(RPC_PATTERNS.chatConversations)
  conversations(@Payload() request: RpcRequest<PageRpcData>) {
    return this.chat.list(requireCaller(request), request.data);
  }
}
