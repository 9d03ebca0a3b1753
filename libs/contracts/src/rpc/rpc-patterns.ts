/**
 * Request/reply patterns (gateway → service over `<service>.rpc`). Every service answers
 * the `system.*` patterns; later features add theirs here with request and response types.
 */
export const RPC_PATTERNS = {
  systemHealth: 'system.health',
  /** Every service: all it holds about a user (`{}` when nothing). */
  userExport: 'user.export',
  /** Every service: delete all it holds about a user. */
  userDelete: 'user.delete',
  /** Roadmap: create a task for a user (by the user, or assigned by their mentor): CreateTaskRpcData. */
  tasksCreate: 'roadmap.task_create',
  tasksList: 'roadmap.tasks',
  tasksGet: 'roadmap.task',
  tasksUpdate: 'roadmap.task_update',
  tasksDelete: 'roadmap.task_delete',
  /** Roadmap: pending → in_progress, or a failed task back to in_progress (retry). */
  tasksStart: 'roadmap.task_start',
  /** Roadmap: in_progress → verifying; the verification runs in the background. */
  tasksComplete: 'roadmap.task_complete',
  /** Roadmap: posts a completed task's reflection (synergy post) from the draft or the text. */
  tasksReflect: 'roadmap.task_reflect',
  /** Roadmap: a task from advisory's next task for the caller. */
  tasksFromAdvice: 'roadmap.task_from_advice',
  authRegister: 'auth.register',
  authLogin: 'auth.login',
  authRefresh: 'auth.refresh',
  authLogout: 'auth.logout',
  authMe: 'auth.me',
  authUpdateMe: 'auth.update_me',
  authGetUser: 'auth.get_user',
  authListUsers: 'auth.list_users',
  authDeleteAccount: 'auth.delete_account',
  authJwks: 'auth.jwks',
  authSetUserAccess: 'auth.set_user_access',
  authGrantRole: 'auth.grant_role',
  authAuditList: 'auth.audit',
  /** Mentor links (auth): a student invites, lists and removes mentors; a mentor answers. */
  authMentorInvite: 'auth.mentor_invite',
  authMyMentors: 'auth.my_mentors',
  authMentorRemove: 'auth.mentor_remove',
  authMentorInvitations: 'auth.mentor_invitations',
  authMentorRespond: 'auth.mentor_respond',
  authMentorStudents: 'auth.mentor_students',
  authMentorScope: 'auth.mentor_scope',
  /** Auth: the caller's notifications, newest first, with the unread count. */
  notificationsList: 'auth.notifications',
  notificationsMarkRead: 'auth.notification_read',
  notificationsMarkAllRead: 'auth.notifications_read_all',
  notificationPreferences: 'auth.notification_preferences',
  notificationPreferencesUpdate: 'auth.notification_preferences_update',
  /** Public (no caller): the signed token of an email's unsubscribe link turns that kind's email off. */
  notificationsUnsubscribe: 'auth.notifications_unsubscribe',
  ingestionImport: 'ingestion.import',
  ingestionLink: 'ingestion.link',
  ingestionUnlink: 'ingestion.unlink',
  ingestionIntegrations: 'ingestion.integrations',
  ingestionStartSync: 'ingestion.start_sync',
  ingestionSyncState: 'ingestion.sync_state',
  ingestionSyncStates: 'ingestion.sync_states',
  ingestionSyncLogs: 'ingestion.sync_logs',
  ingestionSyncLog: 'ingestion.sync_log',
  ingestionRetryReady: 'ingestion.retry_ready',
  ingestionSubmissions: 'ingestion.submissions',
  topicsList: 'normalization.topics',
  topicsCreate: 'normalization.create_topic',
  topicsAddAlias: 'normalization.add_alias',
  problemsList: 'normalization.problems',
  problemsGet: 'normalization.problem',
  problemsSummaries: 'normalization.problem_summaries',
  /** Ingestion: which of these platform problems the catalog does not map yet (daily cap). */
  problemsUnknown: 'normalization.unknown_problems',
  bookmarksList: 'normalization.bookmarks',
  bookmarksPut: 'normalization.bookmark_put',
  bookmarksUpdate: 'normalization.bookmark_update',
  bookmarksDelete: 'normalization.bookmark_delete',
  feedbackCreate: 'normalization.feedback',
  problemsFlagged: 'normalization.flagged',
  problemsUnconfirmed: 'normalization.unconfirmed_problems',
  problemsConfirm: 'normalization.confirm_problem',
  failuresList: 'normalization.failures',
  failuresResolve: 'normalization.resolve_failure',
  possibleDuplicates: 'normalization.possible_duplicates',
  unmappedTags: 'normalization.unmapped_tags',
  telemetryTopicStats: 'aggregation.topic_stats',
  telemetryWeakTopics: 'aggregation.weak_topics',
  telemetryPerformance: 'aggregation.performance',
  telemetryRevisionsDue: 'aggregation.revisions_due',
  /** The caller's distinct solved canonical problems with their difficulty (advisory). */
  telemetrySolvedProblems: 'aggregation.solved_problems',
  /** Weekly goals, the daily streak and readiness (aggregation, docs/product.md#goals-and-streaks). */
  goalsList: 'aggregation.goals',
  goalsCreate: 'aggregation.goal_create',
  goalsUpdate: 'aggregation.goal_update',
  goalsDelete: 'aggregation.goal_delete',
  streakGet: 'aggregation.streak',
  readinessGet: 'aggregation.readiness',
  /** The caller's attempts of one canonical problem, newest first (task verification). */
  telemetryProblemAttempts: 'aggregation.problem_attempts',
  roadmapsList: 'roadmap.list',
  roadmapsGet: 'roadmap.get',
  roadmapsCreate: 'roadmap.create',
  roadmapsAddTopics: 'roadmap.add_topics',
  roadmapsUpdateTopic: 'roadmap.update_topic',
  roadmapsRemoveTopic: 'roadmap.remove_topic',
  roadmapsPci: 'roadmap.pci',
  roadmapsProgress: 'roadmap.progress',
  roadmapsTopicProgress: 'roadmap.topic_progress',
  roadmapsTimeEstimate: 'roadmap.time_estimate',
  roadmapsRecommendations: 'roadmap.recommendations',
  roadmapsAllPci: 'roadmap.all_pci',
  /** Where the caller stands on a roadmap, with a suggested task per unlocked topic. */
  roadmapsPosition: 'roadmap.position',
  roadmapsFollow: 'roadmap.follow',
  roadmapsUnfollow: 'roadmap.unfollow',
  postsCreate: 'synergy.create_post',
  postsUpdate: 'synergy.update_post',
  postsDelete: 'synergy.delete_post',
  postsFeed: 'synergy.feed',
  postsGet: 'synergy.post',
  postsOfUser: 'synergy.user_posts',
  postsScratch: 'synergy.scratch',
  levelOf: 'synergy.level',
  synergyPairs: 'synergy.pairs',
  synergyPair: 'synergy.pair',
  synergySuggestions: 'synergy.suggestions',
  chatSend: 'synergy.chat_send',
  chatMessages: 'synergy.chat_messages',
  chatConversations: 'synergy.chats',
  advisoryGenerateTask: 'advisory.generate_task',
  advisoryReflect: 'advisory.reflect',
  /** The caller's reflection draft of a verified task ({ taskId }), made on task.completed. */
  advisoryReflectionDraft: 'advisory.reflection_draft',
  advisoryExtractSkills: 'advisory.extract_skills',
  advisoryAdvice: 'advisory.advice',
  advisoryInferences: 'advisory.inferences',
} as const;

export type RpcPattern = (typeof RPC_PATTERNS)[keyof typeof RPC_PATTERNS];

/** Identity of the caller, forwarded by the gateway with every RPC. Never taken from a body. */
export interface RpcCaller {
  userId: string;
  role: 'student' | 'mentor' | 'admin';
  /**
   * The student a mentor's request reads, set by the gateway only after auth confirmed an
   * accepted mentor link (docs/security.md#mentor-scope); services allow a mentor to read
   * that user's data and no one else's.
   */
  mentorOf?: string;
}

/**
 * What travels in an RPC request message. The sender signs the body (caller included) with
 * the shared RPC secret; the receiving transport refuses an unsigned, forged or expired
 * request before any handler sees it, so a handler can trust `caller`.
 */
export interface RpcRequest<T = unknown> {
  pattern: string;
  data: T;
  caller: RpcCaller | null;
  /** Epoch milliseconds after which the request is refused (no replay after its timeout). */
  expiresAt?: number;
}

/** What `user.delete` answers: how many records of the user the service removed. */
export interface UserDeleteResponse {
  deleted: number;
}

export interface SystemHealthResponse {
  service: string;
  status: 'up' | 'down';
  checks: Record<string, 'up' | 'down'>;
}
