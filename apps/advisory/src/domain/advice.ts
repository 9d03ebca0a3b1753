/** What the next-step advice says, from the learner's roadmap position and next task. */
export interface AdviceInput {
  roadmapName: string | null;
  completionPercentage: number | null;
  nextTopic: { topicName: string; reason: string } | null;
  task: { description: string } | null;
  revisions: number;
}

/** The advice in words (templates; docs/advisory.md). */
export function adviceMessage(input: AdviceInput): string {
  const parts: string[] = [];
  if (input.roadmapName !== null && input.completionPercentage !== null)
    parts.push(`You are ${input.completionPercentage}% through ${input.roadmapName}.`);
  if (input.revisions > 0)
    parts.push(
      `${input.revisions === 1 ? 'One solved problem is' : `${input.revisions} solved problems are`} about to be forgotten: revise before anything new.`,
    );
  if (input.nextTopic)
    parts.push(`Next topic: ${input.nextTopic.topicName} (${input.nextTopic.reason}).`);
  if (input.task) parts.push(input.task.description);
  else if (input.nextTopic)
    parts.push(
      'The catalog has no problem on it you have not solved yet: pick one from any platform.',
    );
  if (parts.length === 0 || (!input.nextTopic && input.roadmapName !== null))
    parts.push('Every topic of this roadmap is complete: follow another roadmap to keep going.');
  return parts.join(' ');
}

/** The UTC day a token budget counts (`YYYY-MM-DD`). */
export function budgetDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}
