import { VERIFICATION_SOURCES } from '@prepmate/contracts';
import Ajv, { type ValidateFunction } from 'ajv';
import type { ReflectionDraft, SkillsDraft, TaskDraft } from './outputs';

/** Operations a model answers (advice is `rules` only). */
export type ModelOperation = 'task' | 'reflection' | 'skills';

const strings = { type: 'array', items: { type: 'string' } } as const;

/**
 * The JSON schema of each operation's answer: sent to the model as `response_format`
 * (strict structured output) and checked again on the reply. Shapes only; the bounds are the
 * guardrails' (an endpoint may not support every schema keyword, the guardrails always run).
 */
export const OUTPUT_SCHEMAS: Record<ModelOperation, { name: string; schema: object }> = {
  task: {
    name: 'next_task',
    schema: {
      type: 'object',
      additionalProperties: false,
      required: [
        'problemId',
        'description',
        'difficulty',
        'verificationSource',
        'verificationRequirements',
        'estimatedTimeMinutes',
        'skills',
      ],
      properties: {
        problemId: { type: 'string' },
        description: { type: 'string' },
        difficulty: { type: 'integer' },
        verificationSource: { type: 'string', enum: [...VERIFICATION_SOURCES] },
        verificationRequirements: strings,
        estimatedTimeMinutes: { type: 'integer' },
        skills: strings,
      },
    },
  },
  reflection: {
    name: 'reflection',
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['summary', 'keySkills', 'conceptsApplied', 'difficultyRating', 'nextSteps'],
      properties: {
        summary: { type: 'string' },
        keySkills: strings,
        conceptsApplied: strings,
        difficultyRating: { type: 'integer' },
        nextSteps: strings,
      },
    },
  },
  skills: {
    name: 'skills',
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['skills'],
      properties: { skills: strings },
    },
  },
};

export interface OutputTypes {
  task: TaskDraft;
  reflection: ReflectionDraft;
  skills: SkillsDraft;
}

export type ParsedOutput<T> = { ok: true; value: T } | { ok: false; violations: string[] };

const ajv = new Ajv({ allErrors: true, strict: true });
const validators = Object.fromEntries(
  Object.entries(OUTPUT_SCHEMAS).map(([operation, { schema }]) => [operation, ajv.compile(schema)]),
) as Record<ModelOperation, ValidateFunction>;

/** Parses a model's reply as JSON and checks it against the operation's schema. */
export function parseOutput<O extends ModelOperation>(
  operation: O,
  text: string | null | undefined,
): ParsedOutput<OutputTypes[O]> {
  let value: unknown;
  try {
    value = JSON.parse(text ?? '');
  } catch {
    return { ok: false, violations: ['the reply is not JSON'] };
  }
  const validate = validators[operation];
  if (validate(value)) return { ok: true, value: value as OutputTypes[O] };
  return {
    ok: false,
    violations: (validate.errors ?? []).map(
      (error) =>
        `schema: ${error.instancePath || '(root)'} ${error.message ?? 'is invalid'}${
          error.keyword === 'enum'
            ? ` (${(error.params as { allowedValues: unknown[] }).allowedValues.join('|')})`
            : ''
        }`,
    ),
  };
}
