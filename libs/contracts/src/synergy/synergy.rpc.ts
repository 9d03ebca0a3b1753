import type { PageRpcData } from '../problems/problems.rpc';
import type { CreatePostRequest, UpdatePostRequest, ScratchRequest } from './synergy.requests';

/** RPC payloads of the synergy service (the caller travels beside them). */
export interface PostIdRpcData {
  postId: string;
}

export interface UserIdRpcData {
  userId: string;
}

export type CreatePostRpcData = CreatePostRequest;

export interface UpdatePostRpcData extends PostIdRpcData, UpdatePostRequest {}

export interface ScratchRpcData extends PostIdRpcData, ScratchRequest {}

export interface UserPostsRpcData extends UserIdRpcData, PageRpcData {}

export interface SendChatMessageRpcData extends UserIdRpcData {
  text: string;
}

export interface ChatMessagesRpcData extends UserIdRpcData, PageRpcData {}
