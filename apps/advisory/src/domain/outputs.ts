import type { VerificationSource } from '@prepmate/contracts';

/** What a provider answers for a task: the fields §7's guardrails check, and the problem it picked. */
export interface TaskDraft {
  problemId: string;
  description: string;
  difficulty: number;
  verificationSource: VerificationSource;
  verificationRequirements: string[];
  estimatedTimeMinutes: number;
  skills: string[];
}

/** What a provider answers for a reflection. */
export interface ReflectionDraft {
  summary: string;
  keySkills: string[];
  conceptsApplied: string[];
  difficultyRating: number;
  nextSteps: string[];
}

/** What a provider answers for a skills extraction. */
export interface SkillsDraft {
  skills: string[];
}
