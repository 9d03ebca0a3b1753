import type { Difficulty, Platform, TaskInput, TaskVerificationSource } from '@prepmate/contracts';
import type { PciResult, TopicProgress } from './pci';
import { type Layer, LAYERS, type RoadmapTopic } from './roadmap-topic';

/** docs/product.md#learning-path-position: where a learner stands on a roadmap. */

export interface LearningPosition {
  /** The first layer (core, reinforcement, advanced, optional) with a topic not done; null when all are. */
  currentLayer: Layer | null;
  /** Completed topics, in roadmap order. */
  done: TopicProgress[];
  /** Topics not done whose dependencies are all done, by layer, weight desc, mastery desc, slug. */
  unlocked: TopicProgress[];
  /** Topics not done that wait for a dependency. */
  locked: TopicProgress[];
}

const LAYER_RANK = new Map(LAYERS.map((layer, rank) => [layer, rank]));

export function learningPosition(topics: RoadmapTopic[], pci: PciResult): LearningPosition {
  const progress = new Map(pci.topicProgresses.map((p) => [p.topic, p]));
  const isDone = (slug: string) => progress.get(slug)?.isCompleted === true;
  const done = topics.filter((t) => isDone(t.topic)).map((t) => progress.get(t.topic)!);
  const open = topics.filter((t) => !isDone(t.topic));
  const unlocked = open
    .filter((t) => t.dependencies.every(isDone))
    .map((t) => progress.get(t.topic)!)
    .sort(
      (a, b) =>
        LAYER_RANK.get(a.layer)! - LAYER_RANK.get(b.layer)! ||
        b.weight - a.weight ||
        b.estimatedMastery - a.estimatedMastery ||
        (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0),
    );
  const unlockedSlugs = new Set(unlocked.map((p) => p.topic));
  const locked = open.filter((t) => !unlockedSlugs.has(t.topic)).map((t) => progress.get(t.topic)!);
  const currentLayer = LAYERS.find((layer) => open.some((t) => t.layer === layer)) ?? null;
  return { currentLayer, done, unlocked, locked };
}

/**
 * The difficulty that fits a mastery: below 0.3 easy, below 0.7 medium, else hard — a
 * learner starting a topic gets easy problems, one near its threshold medium, hard after.
 */
export function fittingDifficulty(mastery: number): Difficulty {
  if (mastery < 0.3) return 'easy';
  if (mastery < 0.7) return 'medium';
  return 'hard';
}

/** The order difficulties are tried in: the fitting one, then the nearer ones (easier first). */
export function difficultyOrder(fitting: Difficulty): Difficulty[] {
  if (fitting === 'easy') return ['easy', 'medium', 'hard'];
  if (fitting === 'medium') return ['medium', 'easy', 'hard'];
  return ['hard', 'medium', 'easy'];
}

export interface CandidateProblem {
  id: string;
  title: string;
  difficulty: Difficulty;
  platforms: Array<{ platform: Platform; platformProblemId: string }>;
}

/** Platforms a task can be verified on, in the order preferred when a problem is on both. */
const VERIFIABLE: readonly TaskVerificationSource[] = ['codeforces', 'leetcode'];

const TASK_MINUTES: Record<Difficulty, number> = { easy: 20, medium: 40, hard: 60 };

/**
 * The task suggested for an unlocked topic: the first candidate (in the catalog's order) at
 * the earliest difficulty of `order` that the learner has not solved and that a platform
 * can verify, as a TaskInput the client can post to /tasks; null when there is none.
 */
export function suggestTask(
  topic: { topic: string; topicName: string },
  candidates: readonly CandidateProblem[],
  solved: ReadonlySet<string>,
  order: readonly Difficulty[],
): TaskInput | null {
  for (const difficulty of order) {
    for (const problem of candidates) {
      if (problem.difficulty !== difficulty || solved.has(problem.id)) continue;
      const source = VERIFIABLE.find((platform) =>
        problem.platforms.some((p) => p.platform === platform),
      );
      if (!source) continue;
      return {
        description: `Solve "${problem.title}" (${difficulty}) to advance ${topic.topicName}`,
        topic: topic.topic,
        problemId: problem.id,
        verificationSource: source,
        estimatedTimeMinutes: TASK_MINUTES[difficulty],
      };
    }
  }
  return null;
}
