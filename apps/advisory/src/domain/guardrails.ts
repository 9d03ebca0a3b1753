import { VERIFICATION_SOURCES } from '@prepmate/contracts';
import { fitsLevel } from './difficulty-scale';
import type { ReflectionDraft, SkillsDraft, TaskDraft } from './outputs';

/** §7's bounds, in one place (docs/advisory.md lists them). */
export const GUARDRAIL_BOUNDS = {
  taskDescriptionChars: { min: 20, max: 500 },
  taskDifficulty: { min: 1, max: 10, levelTolerance: 1 },
  estimatedTimeMinutes: { min: 30, max: 240 },
  verificationRequirements: { min: 1, max: 5, maxChars: 300 },
  taskSkills: { min: 1, max: 5 },
  summarySentences: { min: 2, max: 3 },
  summaryChars: { max: 1000 },
  reflectionSkills: { min: 3, max: 5 },
  concepts: { min: 2, max: 4, maxChars: 100 },
  difficultyRating: { min: 1, max: 10 },
  nextSteps: { min: 1, max: 3, maxChars: 300 },
  extractedSkills: { max: 10 },
} as const;

export interface GuardrailVerdict {
  passed: boolean;
  violations: string[];
}

export interface TaskGuardrailContext {
  roundedLevel: number;
  /** Ids of the unsolved canonical problems the task may name. */
  candidateProblemIds: ReadonlySet<string>;
  /** Topic slugs of the taxonomy. */
  knownSkills: ReadonlySet<string>;
  /** The platforms each candidate is on: a judge named as the source must have the problem. */
  candidatePlatforms?: ReadonlyMap<string, readonly string[]>;
}

function verdict(violations: string[]): GuardrailVerdict {
  return { passed: violations.length === 0, violations };
}

function isInt(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function textsWithin(values: unknown, min: number, max: number, maxChars: number): boolean {
  return (
    Array.isArray(values) &&
    values.length >= min &&
    values.length <= max &&
    values.every(
      (value) => typeof value === 'string' && value.trim().length > 0 && value.length <= maxChars,
    )
  );
}

function unknownSkills(skills: unknown, known: ReadonlySet<string>): string[] {
  if (!Array.isArray(skills)) return [];
  return skills.filter((skill) => typeof skill !== 'string' || !known.has(skill)).map(String);
}

function hasDuplicates(values: unknown): boolean {
  return Array.isArray(values) && new Set(values).size !== values.length;
}

/**
 * Sentences of a text: runs ending in `.`, `!` or `?` followed by a space or the end (so "3.5"
 * and "O(n.log n)" are not split); trailing text without a stop counts as one more.
 */
export function countSentences(text: string): number {
  return text
    .trim()
    .split(/(?<=[.!?])\s+/)
    .filter((part) => /[\p{L}\p{N}]/u.test(part)).length;
}

/** §7: description 20–500 chars, difficulty 1–10 within ±1 of the rounded level, known source, requirements, 30–240 min. */
export function checkTask(task: TaskDraft, context: TaskGuardrailContext): GuardrailVerdict {
  const bounds = GUARDRAIL_BOUNDS;
  const violations: string[] = [];
  const description = typeof task.description === 'string' ? task.description.trim() : '';
  if (
    description.length < bounds.taskDescriptionChars.min ||
    description.length > bounds.taskDescriptionChars.max
  )
    violations.push(
      `description must be ${bounds.taskDescriptionChars.min}–${bounds.taskDescriptionChars.max} characters (got ${description.length})`,
    );
  if (!isInt(task.difficulty, bounds.taskDifficulty.min, bounds.taskDifficulty.max))
    violations.push(`difficulty must be a whole number 1–10 (got ${String(task.difficulty)})`);
  else if (!fitsLevel(task.difficulty, context.roundedLevel))
    violations.push(
      `difficulty ${task.difficulty} is not within ±${bounds.taskDifficulty.levelTolerance} of level ${context.roundedLevel}`,
    );
  if (!(VERIFICATION_SOURCES as readonly string[]).includes(task.verificationSource))
    violations.push(
      `verificationSource must be one of ${VERIFICATION_SOURCES.join('|')} (got ${String(task.verificationSource)})`,
    );
  const requirements = bounds.verificationRequirements;
  if (
    !textsWithin(
      task.verificationRequirements,
      requirements.min,
      requirements.max,
      requirements.maxChars,
    )
  )
    violations.push(
      `verificationRequirements must be ${requirements.min}–${requirements.max} non-empty texts of at most ${requirements.maxChars} characters`,
    );
  if (
    !isInt(
      task.estimatedTimeMinutes,
      bounds.estimatedTimeMinutes.min,
      bounds.estimatedTimeMinutes.max,
    )
  )
    violations.push(
      `estimatedTimeMinutes must be a whole number ${bounds.estimatedTimeMinutes.min}–${bounds.estimatedTimeMinutes.max} (got ${String(task.estimatedTimeMinutes)})`,
    );
  if (!context.candidateProblemIds.has(task.problemId))
    violations.push(`problemId ${String(task.problemId)} is not one of the unsolved candidates`);
  else if (
    task.verificationSource !== 'github' &&
    context.candidatePlatforms &&
    !(context.candidatePlatforms.get(task.problemId) ?? []).includes(task.verificationSource)
  )
    violations.push(
      `the problem is not on ${task.verificationSource}: verify it on its judge or GitHub`,
    );
  if (
    !Array.isArray(task.skills) ||
    task.skills.length < bounds.taskSkills.min ||
    task.skills.length > bounds.taskSkills.max ||
    hasDuplicates(task.skills)
  )
    violations.push(
      `skills must be ${bounds.taskSkills.min}–${bounds.taskSkills.max} distinct slugs`,
    );
  const unknown = unknownSkills(task.skills, context.knownSkills);
  if (unknown.length > 0) violations.push(`skills not in the taxonomy: ${unknown.join(', ')}`);
  return verdict(violations);
}

/** §7: summary 2–3 sentences, 3–5 skills (taxonomy slugs), 2–4 concepts; rating 1–10; 1–3 next steps. */
export function checkReflection(
  reflection: ReflectionDraft,
  knownSkills: ReadonlySet<string>,
): GuardrailVerdict {
  const bounds = GUARDRAIL_BOUNDS;
  const violations: string[] = [];
  const summary = typeof reflection.summary === 'string' ? reflection.summary : '';
  const sentences = countSentences(summary);
  if (sentences < bounds.summarySentences.min || sentences > bounds.summarySentences.max)
    violations.push(
      `summary must be ${bounds.summarySentences.min}–${bounds.summarySentences.max} sentences (got ${sentences})`,
    );
  if (summary.length > bounds.summaryChars.max)
    violations.push(`summary must be at most ${bounds.summaryChars.max} characters`);
  const skills = reflection.keySkills;
  if (
    !Array.isArray(skills) ||
    skills.length < bounds.reflectionSkills.min ||
    skills.length > bounds.reflectionSkills.max ||
    hasDuplicates(skills)
  )
    violations.push(
      `keySkills must be ${bounds.reflectionSkills.min}–${bounds.reflectionSkills.max} distinct slugs (got ${Array.isArray(skills) ? skills.length : 0})`,
    );
  const unknown = unknownSkills(skills, knownSkills);
  if (unknown.length > 0) violations.push(`keySkills not in the taxonomy: ${unknown.join(', ')}`);
  const concepts = bounds.concepts;
  if (!textsWithin(reflection.conceptsApplied, concepts.min, concepts.max, concepts.maxChars))
    violations.push(
      `conceptsApplied must be ${concepts.min}–${concepts.max} non-empty texts of at most ${concepts.maxChars} characters`,
    );
  if (!isInt(reflection.difficultyRating, bounds.difficultyRating.min, bounds.difficultyRating.max))
    violations.push('difficultyRating must be a whole number 1–10');
  const steps = bounds.nextSteps;
  if (!textsWithin(reflection.nextSteps, steps.min, steps.max, steps.maxChars))
    violations.push(
      `nextSteps must be ${steps.min}–${steps.max} non-empty texts of at most ${steps.maxChars} characters`,
    );
  return verdict(violations);
}

/** Extracted skills: at most 10 distinct taxonomy slugs. */
export function checkSkills(
  output: SkillsDraft,
  knownSkills: ReadonlySet<string>,
): GuardrailVerdict {
  const violations: string[] = [];
  const max = GUARDRAIL_BOUNDS.extractedSkills.max;
  if (!Array.isArray(output.skills) || output.skills.length > max || hasDuplicates(output.skills))
    violations.push(`skills must be at most ${max} distinct slugs`);
  const unknown = unknownSkills(output.skills, knownSkills);
  if (unknown.length > 0) violations.push(`skills not in the taxonomy: ${unknown.join(', ')}`);
  return verdict(violations);
}
