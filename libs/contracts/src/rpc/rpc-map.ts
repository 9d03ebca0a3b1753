import type {
  AdviceResponse,
  ExtractSkillsResponse,
  GenerateTaskResponse,
  InferenceLogResponse,
  ReflectionResponse,
} from '../advisory/advisory.responses';
import type {
  ExtractSkillsRpcData,
  GenerateTaskRpcData,
  InferencesRpcData,
  ReflectRpcData,
} from '../advisory/advisory.rpc';
import type {
  AdminUserResponse,
  AuditEventResponse,
  AuthTokensResponse,
  JsonWebKeySetResponse,
  UserResponse,
} from '../auth/auth.responses';
import type {
  GrantRoleRpcData,
  ListAuditRpcData,
  ListUsersRpcData,
  LoginRpcData,
  RefreshRpcData,
  RegisterRpcData,
  SetUserAccessRpcData,
  UpdateMeRpcData,
} from '../auth/auth.rpc';
import type {
  GoalListResponse,
  GoalResponse,
  ReadinessResponse,
  StreakResponse,
} from '../engage/engage.responses';
import type { CreateGoalRequest } from '../engage/engage.requests';
import type {
  GoalIdRpcData,
  ReadinessRpcData,
  StreakRpcData,
  UpdateGoalRpcData,
} from '../engage/engage.rpc';
import type { Page } from '../http/pagination';
import type {
  ListNotificationsRpcData,
  MarkedReadResponse,
  NotificationIdRpcData,
  NotificationPageResponse,
  NotificationPreferencesResponse,
  UnsubscribeResponse,
  UnsubscribeRpcData,
  UpdateNotificationPreferencesRpcData,
} from '../notifications/notifications.contract';
import type { MentorLinkResponse, MentorScopeResponse } from '../mentors/mentors.responses';
import type {
  InviteMentorRpcData,
  MentorScopeRpcData,
  RemoveMentorRpcData,
  RespondInvitationRpcData,
} from '../mentors/mentors.rpc';
import type {
  ImportResponse,
  IntegrationResponse,
  SubmissionResponse,
  SyncLogResponse,
  SyncStartedResponse,
  SyncStateResponse,
} from '../ingestion/ingestion.responses';
import type {
  ImportRpcData,
  LinkIntegrationRpcData,
  PlatformRpcData,
  SubmissionsRpcData,
  SyncLogsRpcData,
} from '../ingestion/ingestion.rpc';
import type {
  BookmarkResponse,
  FeedbackResponse,
  NormalizationFailureResponse,
  PossibleDuplicateResponse,
  ProblemResponse,
  ProblemSummaryResponse,
  ResolveFailureResponse,
  TagAliasResponse,
  TopicResponse,
  UnmappedTagResponse,
} from '../problems/problems.responses';
import type {
  AddTagAliasRpcData,
  BookmarkRpcData,
  CreateTopicRpcData,
  FeedbackRpcData,
  PageRpcData,
  ProblemIdRpcData,
  ProblemsListRpcData,
  ProblemSummariesRpcData,
  ResolveFailureRpcData,
  UnknownProblemsResponse,
  UnknownProblemsRpcData,
} from '../problems/problems.rpc';
import type {
  LearningPositionResponse,
  PciResponse,
  RecommendationResponse,
  RoadmapResponse,
  TimeEstimateResponse,
  TopicOnRoadmapProgressResponse,
} from '../roadmaps/roadmaps.responses';
import type {
  AddRoadmapTopicsRpcData,
  AllPciRpcData,
  CreateRoadmapRpcData,
  PciRpcData,
  RecommendationsRpcData,
  RoadmapIdRpcData,
  RoadmapTopicRpcData,
  TimeEstimateRpcData,
  UpdateRoadmapTopicRpcData,
} from '../roadmaps/roadmaps.rpc';
import type { BackendServiceName } from '../services';
import type {
  ChatMessageResponse,
  ConversationResponse,
  LevelResponse,
  PostResponse,
  ScratchResponse,
  SynergyPairResponse,
  SynergySuggestionResponse,
} from '../synergy/synergy.responses';
import type {
  ChatMessagesRpcData,
  CreatePostRpcData,
  PostIdRpcData,
  ScratchRpcData,
  SendChatMessageRpcData,
  UpdatePostRpcData,
  UserIdRpcData,
  UserPostsRpcData,
} from '../synergy/synergy.rpc';
import type { CreateTaskRpcData } from '../tasks/tasks.contract';
import type { TaskFromAdviceRequest } from '../tasks/tasks.requests';
import type { TaskReflectionResponse, TaskResponse } from '../tasks/tasks.responses';
import type {
  ListTasksRpcData,
  ProblemAttemptsResponse,
  ProblemAttemptsRpcData,
  TaskIdRpcData,
  TaskReflectionRpcData,
  UpdateTaskRpcData,
} from '../tasks/tasks.rpc';
import type {
  PerformanceResponse,
  RevisionResponse,
  SolvedProblemsResponse,
  TopicStatsResponse,
} from '../telemetry/telemetry.responses';
import type {
  PerformanceRpcData,
  RevisionsRpcData,
  TopicStatsRpcData,
  WeakTopicsRpcData,
} from '../telemetry/telemetry.rpc';
import {
  RPC_PATTERNS,
  type RpcPattern,
  type SystemHealthResponse,
  type UserDeleteResponse,
} from './rpc-patterns';

/** One request/reply pair: what the caller sends (`data`) and what the handler answers. */
interface Rpc<Request, Response> {
  request: Request;
  response: Response;
}

/** No data: the caller's identity is the whole request. */
type NoData = Record<string, never>;

/**
 * Pattern → request and response, for every RPC: what `event-map.ts` is for events. The
 * service that answers a pattern is its prefix (`roadmap.list` → roadmap), except the
 * `system.*` / `user.*` patterns every service answers. Callers (`RpcClient.call`, the
 * gateway's `Upstream`) infer both types from the pattern, and handlers declare theirs with
 * `@RpcHandler`, so a mismatch on either side does not compile.
 */
export interface RpcMap {
  [RPC_PATTERNS.systemHealth]: Rpc<NoData, SystemHealthResponse>;
  [RPC_PATTERNS.userExport]: Rpc<NoData, Record<string, unknown>>;
  [RPC_PATTERNS.userDelete]: Rpc<NoData, UserDeleteResponse>;

  [RPC_PATTERNS.authRegister]: Rpc<RegisterRpcData, AuthTokensResponse>;
  [RPC_PATTERNS.authLogin]: Rpc<LoginRpcData, AuthTokensResponse>;
  [RPC_PATTERNS.authRefresh]: Rpc<RefreshRpcData, AuthTokensResponse>;
  [RPC_PATTERNS.authLogout]: Rpc<RefreshRpcData, void>;
  [RPC_PATTERNS.authMe]: Rpc<NoData, UserResponse>;
  [RPC_PATTERNS.authUpdateMe]: Rpc<UpdateMeRpcData, UserResponse>;
  [RPC_PATTERNS.authGetUser]: Rpc<{ userId: string }, UserResponse>;
  [RPC_PATTERNS.authListUsers]: Rpc<ListUsersRpcData, Page<UserResponse>>;
  [RPC_PATTERNS.authDeleteAccount]: Rpc<NoData, UserDeleteResponse>;
  [RPC_PATTERNS.authJwks]: Rpc<NoData, JsonWebKeySetResponse>;
  [RPC_PATTERNS.authSetUserAccess]: Rpc<SetUserAccessRpcData, AdminUserResponse>;
  [RPC_PATTERNS.authGrantRole]: Rpc<GrantRoleRpcData, AdminUserResponse>;
  [RPC_PATTERNS.authAuditList]: Rpc<ListAuditRpcData, Page<AuditEventResponse>>;
  [RPC_PATTERNS.authMentorInvite]: Rpc<InviteMentorRpcData, MentorLinkResponse>;
  [RPC_PATTERNS.authMyMentors]: Rpc<NoData, MentorLinkResponse[]>;
  [RPC_PATTERNS.authMentorRemove]: Rpc<RemoveMentorRpcData, null>;
  [RPC_PATTERNS.authMentorInvitations]: Rpc<PageRpcData, Page<MentorLinkResponse>>;
  [RPC_PATTERNS.authMentorRespond]: Rpc<RespondInvitationRpcData, MentorLinkResponse>;
  [RPC_PATTERNS.authMentorStudents]: Rpc<PageRpcData, Page<MentorLinkResponse>>;
  [RPC_PATTERNS.authMentorScope]: Rpc<MentorScopeRpcData, MentorScopeResponse>;
  [RPC_PATTERNS.notificationsList]: Rpc<ListNotificationsRpcData, NotificationPageResponse>;
  [RPC_PATTERNS.notificationsMarkRead]: Rpc<NotificationIdRpcData, MarkedReadResponse>;
  [RPC_PATTERNS.notificationsMarkAllRead]: Rpc<NoData, MarkedReadResponse>;
  [RPC_PATTERNS.notificationPreferences]: Rpc<NoData, NotificationPreferencesResponse>;
  [RPC_PATTERNS.notificationPreferencesUpdate]: Rpc<
    UpdateNotificationPreferencesRpcData,
    NotificationPreferencesResponse
  >;
  [RPC_PATTERNS.notificationsUnsubscribe]: Rpc<UnsubscribeRpcData, UnsubscribeResponse>;

  [RPC_PATTERNS.ingestionImport]: Rpc<ImportRpcData, ImportResponse>;
  [RPC_PATTERNS.ingestionLink]: Rpc<LinkIntegrationRpcData, IntegrationResponse>;
  [RPC_PATTERNS.ingestionUnlink]: Rpc<PlatformRpcData, null>;
  [RPC_PATTERNS.ingestionIntegrations]: Rpc<NoData, IntegrationResponse[]>;
  [RPC_PATTERNS.ingestionStartSync]: Rpc<PlatformRpcData, SyncStartedResponse>;
  [RPC_PATTERNS.ingestionSyncState]: Rpc<PlatformRpcData, SyncStateResponse>;
  [RPC_PATTERNS.ingestionSyncStates]: Rpc<NoData, SyncStateResponse[]>;
  [RPC_PATTERNS.ingestionSyncLogs]: Rpc<SyncLogsRpcData, Page<SyncLogResponse>>;
  [RPC_PATTERNS.ingestionSyncLog]: Rpc<{ syncBatchId: string }, SyncLogResponse>;
  [RPC_PATTERNS.ingestionRetryReady]: Rpc<PageRpcData, Page<SyncStateResponse>>;
  [RPC_PATTERNS.ingestionSubmissions]: Rpc<SubmissionsRpcData, Page<SubmissionResponse>>;

  [RPC_PATTERNS.topicsList]: Rpc<NoData, TopicResponse[]>;
  [RPC_PATTERNS.topicsCreate]: Rpc<CreateTopicRpcData, TopicResponse>;
  [RPC_PATTERNS.topicsAddAlias]: Rpc<AddTagAliasRpcData, TagAliasResponse>;
  [RPC_PATTERNS.problemsList]: Rpc<ProblemsListRpcData, Page<ProblemResponse>>;
  [RPC_PATTERNS.problemsGet]: Rpc<ProblemIdRpcData, ProblemResponse>;
  [RPC_PATTERNS.problemsSummaries]: Rpc<ProblemSummariesRpcData, ProblemSummaryResponse[]>;
  [RPC_PATTERNS.problemsUnknown]: Rpc<UnknownProblemsRpcData, UnknownProblemsResponse>;
  [RPC_PATTERNS.bookmarksList]: Rpc<PageRpcData, Page<BookmarkResponse>>;
  [RPC_PATTERNS.bookmarksPut]: Rpc<BookmarkRpcData, BookmarkResponse>;
  [RPC_PATTERNS.bookmarksUpdate]: Rpc<BookmarkRpcData, BookmarkResponse>;
  [RPC_PATTERNS.bookmarksDelete]: Rpc<ProblemIdRpcData, null>;
  [RPC_PATTERNS.feedbackCreate]: Rpc<FeedbackRpcData, FeedbackResponse>;
  [RPC_PATTERNS.problemsFlagged]: Rpc<PageRpcData, Page<ProblemResponse>>;
  [RPC_PATTERNS.problemsUnconfirmed]: Rpc<PageRpcData, Page<ProblemResponse>>;
  [RPC_PATTERNS.problemsConfirm]: Rpc<ProblemIdRpcData, ProblemResponse>;
  [RPC_PATTERNS.failuresList]: Rpc<PageRpcData, Page<NormalizationFailureResponse>>;
  [RPC_PATTERNS.failuresResolve]: Rpc<ResolveFailureRpcData, ResolveFailureResponse>;
  [RPC_PATTERNS.possibleDuplicates]: Rpc<PageRpcData, Page<PossibleDuplicateResponse>>;
  [RPC_PATTERNS.unmappedTags]: Rpc<PageRpcData, Page<UnmappedTagResponse>>;

  [RPC_PATTERNS.telemetryTopicStats]: Rpc<TopicStatsRpcData, Page<TopicStatsResponse>>;
  [RPC_PATTERNS.telemetryWeakTopics]: Rpc<WeakTopicsRpcData, { items: TopicStatsResponse[] }>;
  [RPC_PATTERNS.telemetryPerformance]: Rpc<PerformanceRpcData, PerformanceResponse>;
  [RPC_PATTERNS.telemetryRevisionsDue]: Rpc<RevisionsRpcData, { items: RevisionResponse[] }>;
  [RPC_PATTERNS.telemetrySolvedProblems]: Rpc<NoData, SolvedProblemsResponse>;
  [RPC_PATTERNS.telemetryProblemAttempts]: Rpc<ProblemAttemptsRpcData, ProblemAttemptsResponse>;
  [RPC_PATTERNS.goalsList]: Rpc<NoData, GoalListResponse>;
  [RPC_PATTERNS.goalsCreate]: Rpc<CreateGoalRequest, GoalResponse>;
  [RPC_PATTERNS.goalsUpdate]: Rpc<UpdateGoalRpcData, GoalResponse>;
  [RPC_PATTERNS.goalsDelete]: Rpc<GoalIdRpcData, { deleted: number }>;
  [RPC_PATTERNS.streakGet]: Rpc<StreakRpcData, StreakResponse>;
  [RPC_PATTERNS.readinessGet]: Rpc<ReadinessRpcData, ReadinessResponse>;

  [RPC_PATTERNS.roadmapsList]: Rpc<PageRpcData, Page<RoadmapResponse>>;
  [RPC_PATTERNS.roadmapsGet]: Rpc<RoadmapIdRpcData, RoadmapResponse>;
  [RPC_PATTERNS.roadmapsCreate]: Rpc<CreateRoadmapRpcData, RoadmapResponse>;
  [RPC_PATTERNS.roadmapsAddTopics]: Rpc<AddRoadmapTopicsRpcData, RoadmapResponse>;
  [RPC_PATTERNS.roadmapsUpdateTopic]: Rpc<UpdateRoadmapTopicRpcData, RoadmapResponse>;
  [RPC_PATTERNS.roadmapsRemoveTopic]: Rpc<RoadmapTopicRpcData, RoadmapResponse>;
  [RPC_PATTERNS.roadmapsPci]: Rpc<PciRpcData, PciResponse>;
  [RPC_PATTERNS.roadmapsProgress]: Rpc<RoadmapIdRpcData, PciResponse>;
  [RPC_PATTERNS.roadmapsTopicProgress]: Rpc<RoadmapTopicRpcData, TopicOnRoadmapProgressResponse>;
  [RPC_PATTERNS.roadmapsTimeEstimate]: Rpc<TimeEstimateRpcData, TimeEstimateResponse>;
  [RPC_PATTERNS.roadmapsRecommendations]: Rpc<
    RecommendationsRpcData,
    { items: RecommendationResponse[] }
  >;
  [RPC_PATTERNS.roadmapsAllPci]: Rpc<AllPciRpcData, Page<PciResponse>>;
  [RPC_PATTERNS.roadmapsPosition]: Rpc<RoadmapIdRpcData, LearningPositionResponse>;
  [RPC_PATTERNS.roadmapsFollow]: Rpc<RoadmapIdRpcData, FollowResult>;
  [RPC_PATTERNS.roadmapsUnfollow]: Rpc<RoadmapIdRpcData, FollowResult>;
  [RPC_PATTERNS.tasksCreate]: Rpc<CreateTaskRpcData, TaskResponse>;
  [RPC_PATTERNS.tasksList]: Rpc<ListTasksRpcData, Page<TaskResponse>>;
  [RPC_PATTERNS.tasksGet]: Rpc<TaskIdRpcData, TaskResponse>;
  [RPC_PATTERNS.tasksUpdate]: Rpc<UpdateTaskRpcData, TaskResponse>;
  [RPC_PATTERNS.tasksDelete]: Rpc<TaskIdRpcData, { deleted: true }>;
  [RPC_PATTERNS.tasksStart]: Rpc<TaskIdRpcData, TaskResponse>;
  [RPC_PATTERNS.tasksComplete]: Rpc<TaskIdRpcData, TaskResponse>;
  [RPC_PATTERNS.tasksFromAdvice]: Rpc<TaskFromAdviceRequest, TaskResponse>;
  [RPC_PATTERNS.tasksReflect]: Rpc<TaskReflectionRpcData, TaskReflectionResponse>;

  [RPC_PATTERNS.postsCreate]: Rpc<CreatePostRpcData, PostResponse>;
  [RPC_PATTERNS.postsUpdate]: Rpc<UpdatePostRpcData, PostResponse>;
  [RPC_PATTERNS.postsDelete]: Rpc<PostIdRpcData, { deleted: true }>;
  [RPC_PATTERNS.postsFeed]: Rpc<PageRpcData, Page<PostResponse>>;
  [RPC_PATTERNS.postsGet]: Rpc<PostIdRpcData, PostResponse>;
  [RPC_PATTERNS.postsOfUser]: Rpc<UserPostsRpcData, Page<PostResponse>>;
  [RPC_PATTERNS.postsScratch]: Rpc<ScratchRpcData, ScratchResponse>;
  [RPC_PATTERNS.levelOf]: Rpc<UserIdRpcData, LevelResponse>;
  [RPC_PATTERNS.synergyPairs]: Rpc<PageRpcData, Page<SynergyPairResponse>>;
  [RPC_PATTERNS.synergyPair]: Rpc<UserIdRpcData, SynergyPairResponse>;
  [RPC_PATTERNS.synergySuggestions]: Rpc<NoData, { items: SynergySuggestionResponse[] }>;
  [RPC_PATTERNS.chatSend]: Rpc<SendChatMessageRpcData, ChatMessageResponse>;
  [RPC_PATTERNS.chatMessages]: Rpc<ChatMessagesRpcData, Page<ChatMessageResponse>>;
  [RPC_PATTERNS.chatConversations]: Rpc<PageRpcData, Page<ConversationResponse>>;

  [RPC_PATTERNS.advisoryGenerateTask]: Rpc<GenerateTaskRpcData, GenerateTaskResponse>;
  [RPC_PATTERNS.advisoryReflect]: Rpc<ReflectRpcData, ReflectionResponse>;
  [RPC_PATTERNS.advisoryExtractSkills]: Rpc<ExtractSkillsRpcData, ExtractSkillsResponse>;
  [RPC_PATTERNS.advisoryAdvice]: Rpc<NoData, AdviceResponse>;
  [RPC_PATTERNS.advisoryReflectionDraft]: Rpc<TaskIdRpcData, ReflectionResponse>;
  [RPC_PATTERNS.advisoryInferences]: Rpc<InferencesRpcData, Page<InferenceLogResponse>>;
}

/** What following or unfollowing a roadmap answers. */
export interface FollowResult {
  roadmapId: string;
  following: boolean;
}

export type RpcName = keyof RpcMap;
/** What a caller sends with pattern `N`. */
export type RpcData<N extends RpcName> = RpcMap[N]['request'];
/** What the handler of pattern `N` answers. */
export type RpcResult<N extends RpcName> = RpcMap[N]['response'];

/** Patterns every service answers: the caller names the service. */
export type EveryServiceRpc =
  | typeof RPC_PATTERNS.systemHealth
  | typeof RPC_PATTERNS.userExport
  | typeof RPC_PATTERNS.userDelete;
/** Patterns one service answers: the one their prefix names. */
export type RoutedRpc = Exclude<RpcName, EveryServiceRpc>;
export type RpcServiceOf<N extends RoutedRpc> =
  N extends `${infer S extends BackendServiceName}.${string}` ? S : never;

/** The service that answers a routed pattern: its prefix. */
export function rpcServiceOf<N extends RoutedRpc>(pattern: N): RpcServiceOf<N> {
  return pattern.slice(0, pattern.indexOf('.')) as RpcServiceOf<N>;
}

// Compile-time checks: every pattern in RPC_PATTERNS has its types here, and every routed
// pattern's prefix names a service (an error on one of these lines names the culprit).
type Untyped = Exclude<RpcPattern, RpcName>;
type Unrouted = {
  [N in RoutedRpc]: N extends `${BackendServiceName}.${string}` ? never : N;
}[RoutedRpc];
export const RPC_MAP_COMPLETE: [Untyped] extends [never] ? true : Untyped = true;
export const RPC_MAP_ROUTED: [Unrouted] extends [never] ? true : Unrouted = true;
