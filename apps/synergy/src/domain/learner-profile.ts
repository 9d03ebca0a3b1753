import { learningLevel, levelPoints, type SolvedByDifficulty } from './level';

/** One topic's mastery as the latest aggregation of it reported. */
export interface ProfileTopic {
  mastery: number;
  aggregatedAt: string;
}

/** What synergy knows of a learner from `topic.aggregated`. */
export interface LearnerProfileState {
  solvedByDifficulty: SolvedByDifficulty;
  /** When the solved counts were reported (a later report wins). */
  solvedAt: string | null;
  points: number;
  level: number;
  topics: Record<string, ProfileTopic>;
  /** Ids of the learner's verified tasks counted in `points` (absent on older profiles). */
  verifiedTaskIds?: string[];
}

export interface AggregatedReport {
  topics: Array<{ topic: string; estimatedMastery: number }>;
  solvedByDifficulty: SolvedByDifficulty;
  aggregatedAt: string;
}

export const EMPTY_PROFILE: LearnerProfileState = {
  solvedByDifficulty: { easy: 0, medium: 0, hard: 0 },
  solvedAt: null,
  points: 0,
  level: 0,
  topics: {},
  verifiedTaskIds: [],
};

export interface ProfileChange {
  profile: LearnerProfileState;
  levelChanged: boolean;
  masteryChanged: boolean;
}

/**
 * Merges one `topic.aggregated` into a profile. Events of one user can arrive out of order
 * (retries, replicas): each topic and the solved counts keep the report with the latest
 * `aggregatedAt` (an equal one is a redelivery and changes nothing).
 */
export function mergeReport(stored: LearnerProfileState, report: AggregatedReport): ProfileChange {
  const topics = { ...stored.topics };
  let masteryChanged = false;
  for (const topic of report.topics) {
    const current = topics[topic.topic];
    if (current && current.aggregatedAt >= report.aggregatedAt) continue;
    if (current?.mastery !== topic.estimatedMastery) masteryChanged = true;
    topics[topic.topic] = { mastery: topic.estimatedMastery, aggregatedAt: report.aggregatedAt };
  }
  let { solvedByDifficulty, solvedAt, points, level } = stored;
  if (solvedAt === null || solvedAt < report.aggregatedAt) {
    solvedByDifficulty = { ...report.solvedByDifficulty };
    solvedAt = report.aggregatedAt;
    points = levelPoints(solvedByDifficulty, stored.verifiedTaskIds?.length ?? 0);
    level = learningLevel(points);
  }
  return {
    profile: {
      solvedByDifficulty,
      solvedAt,
      points,
      level,
      topics,
      verifiedTaskIds: stored.verifiedTaskIds ?? [],
    },
    levelChanged: level !== stored.level,
    masteryChanged,
  };
}

/**
 * Counts a verified task (`task.completed`) once: its id joins the profile and the points and
 * level are recomputed; a task already counted changes nothing (a redelivery).
 */
export function addVerifiedTask(stored: LearnerProfileState, taskId: string): ProfileChange {
  const counted = stored.verifiedTaskIds ?? [];
  if (counted.includes(taskId))
    return { profile: stored, levelChanged: false, masteryChanged: false };
  const verifiedTaskIds = [...counted, taskId];
  const points = levelPoints(stored.solvedByDifficulty, verifiedTaskIds.length);
  const level = learningLevel(points);
  return {
    profile: { ...stored, verifiedTaskIds, points, level },
    levelChanged: level !== stored.level,
    masteryChanged: false,
  };
}

/** The mastery vector of a profile (topic → mastery). */
export function masteryVector(topics: Record<string, ProfileTopic>): Record<string, number> {
  return Object.fromEntries(Object.entries(topics).map(([topic, t]) => [topic, t.mastery]));
}
