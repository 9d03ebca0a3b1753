import type { Difficulty, Platform, VerificationSource } from '@prepmate/contracts';
import { DIFFICULTY_SCALE, difficultiesForLevel, taskDifficulty } from './difficulty-scale';
import type { TaskDraft } from './outputs';

/** A topic the learner's roadmap recommends, best first. */
export interface RecommendedTopic {
  topic: string;
  topicName: string;
  reason: string;
}

/** A canonical problem of the catalog, as normalization lists it. */
export interface CandidateProblem {
  id: string;
  title: string;
  difficulty: Difficulty;
  topics: string[];
  platforms: Array<{ platform: Platform; url: string | null }>;
}

/** One place to look for an unsolved problem: a topic at a catalog difficulty. */
export interface SearchStep extends RecommendedTopic {
  difficulty: Difficulty;
}

export interface RevisionCard {
  canonicalProblemId: string;
  title: string | null;
  retrievability: number;
}

/** A card whose recall probability is under this is critical (aggregation's §4 rule). */
export const CRITICAL_RETRIEVABILITY = 0.5;
/** Critical cards a task puts first, at most. */
export const MAX_REVISIONS_FIRST = 3;
/** Minutes a task adds per revision put first. */
export const MINUTES_PER_REVISION = 15;

/** Platforms whose accepted submissions verify a task; anything else is verified on GitHub. */
const JUDGED: readonly Platform[] = ['leetcode', 'codeforces'];
const PLATFORM_NAMES: Record<VerificationSource, string> = {
  leetcode: 'LeetCode',
  codeforces: 'Codeforces',
  github: 'GitHub',
};
const BASE_MINUTES: Record<Difficulty, number> = { easy: 30, medium: 45, hard: 75 };

/**
 * Where to look, in order: each recommended topic (top first) at each catalog difficulty the
 * level allows (its own band first). The first step with an unsolved problem gives the task.
 */
export function searchPlan(
  topics: readonly RecommendedTopic[],
  roundedLevel: number,
): SearchStep[] {
  const difficulties = difficultiesForLevel(roundedLevel);
  return topics.flatMap((topic) => difficulties.map((difficulty) => ({ ...topic, difficulty })));
}

/**
 * Problems of a page the learner has not solved, those verifiable on a judge first (catalog
 * order otherwise), at most `limit`.
 */
export function unsolvedCandidates(
  problems: readonly CandidateProblem[],
  solved: ReadonlySet<string>,
  limit: number,
): CandidateProblem[] {
  const unsolved = problems.filter((problem) => !solved.has(problem.id));
  const judged = (problem: CandidateProblem) =>
    problem.platforms.some((entry) => JUDGED.includes(entry.platform)) ? 0 : 1;
  return [...unsolved].sort((a, b) => judged(a) - judged(b)).slice(0, limit);
}

/** Where the learner proves the problem solved: its first judge (LeetCode, Codeforces), else GitHub. */
export function verificationTarget(problem: CandidateProblem): {
  source: VerificationSource;
  platform: Platform | null;
  url: string | null;
} {
  const judged = problem.platforms.find((entry) => JUDGED.includes(entry.platform));
  if (judged)
    return {
      source: judged.platform as VerificationSource,
      platform: judged.platform,
      url: judged.url,
    };
  const any = problem.platforms[0];
  return { source: 'github', platform: any?.platform ?? null, url: any?.url ?? null };
}

/** Critical cards (recall < 0.5), the most forgotten first, at most three. */
export function criticalRevisions(cards: readonly RevisionCard[]): RevisionCard[] {
  return cards
    .filter((card) => card.retrievability < CRITICAL_RETRIEVABILITY)
    .sort(
      (a, b) =>
        a.retrievability - b.retrievability ||
        a.canonicalProblemId.localeCompare(b.canonicalProblemId),
    )
    .slice(0, MAX_REVISIONS_FIRST);
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Minutes for a problem of this catalog difficulty at this task difficulty, plus revisions, in 30–240. */
export function estimatedMinutes(
  catalog: Difficulty,
  difficulty: number,
  revisions: number,
): number {
  const minutes =
    BASE_MINUTES[catalog] +
    (difficulty - DIFFICULTY_SCALE[catalog].min) * 10 +
    revisions * MINUTES_PER_REVISION;
  return Math.min(240, Math.max(30, minutes));
}

/**
 * The `rules` task: the chosen unsolved problem, worded from templates (docs/advisory.md), with
 * the critical revisions first. Every field inside §7's bounds by construction.
 */
export function rulesTask(input: {
  problem: CandidateProblem;
  step: SearchStep;
  roundedLevel: number;
  revisionsFirst: readonly RevisionCard[];
  knownSkills: ReadonlySet<string>;
}): TaskDraft {
  const { problem, step, revisionsFirst } = input;
  const target = verificationTarget(problem);
  const difficulty = taskDifficulty(problem.difficulty, input.roundedLevel);
  const title = clip(problem.title, 80);
  const where = PLATFORM_NAMES[target.source];
  const revisionTitles = revisionsFirst.map(
    (card) => `"${clip(card.title ?? card.canonicalProblemId, 50)}"`,
  );
  const first =
    revisionsFirst.length > 0
      ? `First re-solve ${revisionsFirst.length === 1 ? 'the problem' : `the ${revisionsFirst.length} problems`} you are about to forget: ${revisionTitles.join(', ')}. Then solve`
      : 'Solve';
  const proof =
    target.source === 'github'
      ? 'and push your solution with tests to a public GitHub repository.'
      : `on ${where} without the editorial, until it is accepted.`;
  const description = clip(
    `${first} "${title}", ${problem.difficulty === 'easy' ? 'an' : 'a'} ${problem.difficulty} ${step.topicName} problem, ${proof}`,
    500,
  );
  const requirements =
    target.source === 'github'
      ? [
          `A public GitHub repository with your solution of "${title}"`,
          'Tests that cover the sample cases',
        ]
      : [
          `An accepted ${where} submission of "${title}"`,
          'Submitted after this task was generated',
        ];
  if (revisionsFirst.length > 0)
    requirements.push(
      `Accepted re-submissions of the ${revisionsFirst.length} revision problem${revisionsFirst.length === 1 ? '' : 's'}`,
    );
  const skills = [step.topic, ...problem.topics]
    .filter((slug, index, all) => input.knownSkills.has(slug) && all.indexOf(slug) === index)
    .slice(0, 5);
  return {
    problemId: problem.id,
    description,
    difficulty,
    verificationSource: target.source,
    verificationRequirements: requirements,
    estimatedTimeMinutes: estimatedMinutes(problem.difficulty, difficulty, revisionsFirst.length),
    skills: skills.length > 0 ? skills : [step.topic],
  };
}
