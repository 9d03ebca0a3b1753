import type { CreateTaskBody, VerificationSource } from '../api/types';

/** The task form's fields, as typed. */
export interface TaskDraft {
  description: string;
  topic: string;
  problemId: string;
  verificationSource: VerificationSource;
  repository: string;
  path: string;
  estimatedTimeMinutes: string;
  /** `<input type="datetime-local">`: local wall time, no zone. */
  dueAt: string;
}

export const blankTaskDraft = (): TaskDraft => ({
  description: '',
  topic: '',
  problemId: '',
  verificationSource: 'leetcode',
  repository: '',
  path: '',
  estimatedTimeMinutes: '',
  dueAt: '',
});

/**
 * The request body of a draft: empty optional fields left out, the problem only for a coding
 * task and the repository/path only for a GitHub one (the fields the form shows for that
 * source), the due time as an ISO instant. Nothing else is checked: the server's validation
 * errors are shown at their fields.
 */
export function taskBody(draft: TaskDraft): CreateTaskBody {
  const body: CreateTaskBody = {
    description: draft.description.trim(),
    verificationSource: draft.verificationSource,
  };
  if (draft.topic) body.topic = draft.topic;
  if (draft.verificationSource === 'github') {
    const requirements: NonNullable<CreateTaskBody['verificationRequirements']> = {};
    if (draft.repository.trim()) requirements.repository = draft.repository.trim();
    if (draft.path.trim()) requirements.path = draft.path.trim();
    body.verificationRequirements = requirements;
  } else if (draft.problemId) body.problemId = draft.problemId;
  if (draft.estimatedTimeMinutes.trim() !== '')
    body.estimatedTimeMinutes = Number(draft.estimatedTimeMinutes);
  if (draft.dueAt) body.dueAt = new Date(draft.dueAt).toISOString();
  return body;
}
