import type { components } from './schema';

type Schemas = components['schemas'];
export type TopicStats = Schemas['TopicStatsResponse'];
export type Roadmap = Schemas['RoadmapResponse'];
export type RoadmapTopicInput = Schemas['RoadmapTopicInput'];
export type Pci = Schemas['PciResponse'];
export type Problem = Schemas['ProblemResponse'];
export type Integration = Schemas['IntegrationResponse'];
export type ImportResult = Schemas['ImportResponse'];
export type Platform = Integration['platform'];
export type Layer = RoadmapTopicInput['layer'];

export const LAYERS: Layer[] = ['core', 'reinforcement', 'advanced', 'optional'];
export type Post = Schemas['PostResponse'];
export type SynergyPair = Schemas['SynergyPairResponse'];
export type ChatMessage = Schemas['ChatMessageResponse'];
export type ChatPage = { items: ChatMessage[]; nextCursor: string | null };
export type Level = Schemas['LevelResponse'];
export type Advice = Schemas['AdviceResponse'];
export type Task = Schemas['TaskResponse'];
export type TaskStatus = Task['status'];
export type VerificationSource = Task['verificationSource'];
export type CreateTaskBody = Schemas['CreateTaskRequest'];
export type Goal = Schemas['GoalResponse'];
export type GoalKind = Goal['kind'];
export type Streak = Schemas['StreakResponse'];
export type Readiness = Schemas['ReadinessResponse'];
export type Notification = Schemas['NotificationResponse'];
export type NotificationKind = Notification['kind'];
export type NotificationPreference = Schemas['NotificationPreference'];
export type MentorLink = Schemas['MentorLinkResponse'];
export type MentorSummary = Schemas['MentorStudentSummaryResponse'];

export const TASK_STATUSES: TaskStatus[] = [
  'pending',
  'in_progress',
  'verifying',
  'completed',
  'failed',
];
export const VERIFICATION_SOURCES: VerificationSource[] = ['leetcode', 'codeforces', 'github'];
