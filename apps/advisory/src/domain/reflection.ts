import type { Difficulty, VerificationSource } from '@prepmate/contracts';
import { DIFFICULTY_SCALE } from './difficulty-scale';
import { GUARDRAIL_BOUNDS } from './guardrails';
import type { ReflectionDraft, SkillsDraft } from './outputs';
import { completeSkills, extractSkills, type TaxonomyTopic } from './skills';

export interface ReflectionInput {
  taskDescription: string;
  verification: {
    source: VerificationSource;
    accepted: boolean;
    language?: string;
    solveTimeMinutes?: number;
    notes?: string;
  };
  /** The canonical problem the verification is about, when the learner named one. */
  problem: { difficulty: Difficulty; topics: string[] } | null;
}

const SOURCE_NAMES: Record<VerificationSource, string> = {
  leetcode: 'LeetCode',
  codeforces: 'Codeforces',
  github: 'GitHub',
};

/** Mid-point of each catalog band on the 1–10 scale: how hard a problem is, before adjustments. */
const BAND_MIDDLE: Record<Difficulty, number> = {
  easy: Math.round((DIFFICULTY_SCALE.easy.min + DIFFICULTY_SCALE.easy.max) / 2),
  medium: Math.round((DIFFICULTY_SCALE.medium.min + DIFFICULTY_SCALE.medium.max) / 2),
  hard: Math.round((DIFFICULTY_SCALE.hard.min + DIFFICULTY_SCALE.hard.max) / 2),
};

/**
 * The `rules` skills: taxonomy topics the text names (docs/advisory.md), nothing inferred.
 */
export function rulesSkills(text: string, taxonomy: readonly TaxonomyTopic[]): SkillsDraft {
  return { skills: extractSkills(text, taxonomy, GUARDRAIL_BOUNDS.extractedSkills.max) };
}

/**
 * The `rules` reflection, from templates: skills are the problem's topics and the topics the
 * task and notes name, completed with their prerequisites to 3–5; concepts are their names;
 * the rating is the problem's band middle, +1 when it was not accepted, +1 past an hour.
 * User text never reaches the summary but the language, stripped of sentence stops, so it
 * cannot change the sentence count.
 */
export function rulesReflection(
  input: ReflectionInput,
  taxonomy: readonly TaxonomyTopic[],
): ReflectionDraft {
  const bounds = GUARDRAIL_BOUNDS;
  const { verification } = input;
  const named = extractSkills(`${input.taskDescription}\n${verification.notes ?? ''}`, taxonomy);
  const keySkills = completeSkills(
    [...(input.problem?.topics ?? []), ...named],
    taxonomy,
    bounds.reflectionSkills.min,
    bounds.reflectionSkills.max,
  );
  const names = new Map(taxonomy.map((topic) => [topic.slug, topic.name]));
  const skillNames = keySkills.map((slug) => names.get(slug) ?? slug);
  const conceptsApplied = skillNames.slice(0, bounds.concepts.max);
  const where = SOURCE_NAMES[verification.source];
  const how = [
    verification.language ? ` in ${verification.language.replace(/[.!?]/g, '')}` : '',
    verification.solveTimeMinutes ? ` within ${verification.solveTimeMinutes} minutes` : '',
  ].join('');
  const first = verification.accepted
    ? `You completed the task and ${where} verified your solution${how}.`
    : `You worked on the task${how}, but ${where} has not accepted the solution yet.`;
  const second = `It exercised ${listOf(skillNames.slice(0, 3))}.`;
  const third = verification.accepted
    ? undefined
    : 'Find the case that fails before moving on to a new problem.';
  let difficultyRating = input.problem ? BAND_MIDDLE[input.problem.difficulty] : 5;
  if (!verification.accepted) difficultyRating += 1;
  if ((verification.solveTimeMinutes ?? 0) > 60) difficultyRating += 1;
  const topicName = skillNames[0];
  const nextSteps = verification.accepted
    ? [
        `Write down the key idea in one line so that your revision card has it.`,
        `Solve one more ${topicName} problem of the same difficulty within a week.`,
      ]
    : [
        'Re-read the statement and test the edge cases (empty input, one element, limits).',
        `Resubmit on ${where} until it is accepted.`,
      ];
  return {
    summary: [first, second, third].filter(Boolean).join(' '),
    keySkills,
    conceptsApplied,
    difficultyRating: Math.min(10, Math.max(1, difficultyRating)),
    nextSteps,
  };
}

function listOf(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
