import { checkReflection, checkSkills, checkTask, countSentences } from './guardrails';
import type { ReflectionDraft, TaskDraft } from './outputs';

const known = new Set(['arrays', 'two-pointers', 'sorting', 'hashing', 'greedy']);
const context = { roundedLevel: 5, candidateProblemIds: new Set(['p1']), knownSkills: known };
const task: TaskDraft = {
  problemId: 'p1',
  description: 'Solve "Container With Most Water" with two pointers in O(n).',
  difficulty: 5,
  verificationSource: 'leetcode',
  verificationRequirements: ['An accepted LeetCode submission of the problem'],
  estimatedTimeMinutes: 45,
  skills: ['two-pointers', 'arrays'],
};

describe('task guardrails (§7)', () => {
  it('passes a task inside every bound', () => {
    expect(checkTask(task, context)).toEqual({ passed: true, violations: [] });
  });

  it.each([
    [
      'a description under 20 characters',
      { description: 'Solve it.' },
      /description must be 20–500/,
    ],
    [
      'a description over 500 characters',
      { description: 'x'.repeat(501) },
      /description must be 20–500/,
    ],
    ['difficulty 0', { difficulty: 0 }, /whole number 1–10/],
    ['difficulty 11', { difficulty: 11 }, /whole number 1–10/],
    ['a fractional difficulty', { difficulty: 5.5 }, /whole number 1–10/],
    ['difficulty 7 at level 5', { difficulty: 7 }, /not within ±1 of level 5/],
    ['an unknown verification source', { verificationSource: 'hackerrank' }, /verificationSource/],
    ['no verification requirements', { verificationRequirements: [] }, /verificationRequirements/],
    ['a blank requirement', { verificationRequirements: ['  '] }, /verificationRequirements/],
    ['29 minutes', { estimatedTimeMinutes: 29 }, /estimatedTimeMinutes/],
    ['241 minutes', { estimatedTimeMinutes: 241 }, /estimatedTimeMinutes/],
    ['a problem that is not a candidate', { problemId: 'solved-one' }, /not one of the unsolved/],
    ['an invented skill', { skills: ['arrays', 'vibes'] }, /not in the taxonomy: vibes/],
    ['no skills', { skills: [] }, /skills must be 1–5/],
  ])('rejects %s', (_name, change, message) => {
    const result = checkTask({ ...task, ...(change as Partial<TaskDraft>) }, context);
    expect(result.passed).toBe(false);
    expect(result.violations.join('; ')).toMatch(message);
  });

  it('accepts the exact bounds: 20 and 500 characters, 30 and 240 minutes, level ±1', () => {
    for (const change of [
      { description: 'x'.repeat(20) },
      { description: 'x'.repeat(500) },
      { estimatedTimeMinutes: 30 },
      { estimatedTimeMinutes: 240 },
      { difficulty: 4 },
      { difficulty: 6 },
    ])
      expect(checkTask({ ...task, ...change }, context).passed).toBe(true);
  });

  it('rejects a judge the problem is not on, and accepts GitHub for any problem', () => {
    const platforms = { ...context, candidatePlatforms: new Map([['p1', ['codeforces']]]) };
    expect(checkTask(task, platforms).violations).toEqual([
      'the problem is not on leetcode: verify it on its judge or GitHub',
    ]);
    expect(checkTask({ ...task, verificationSource: 'github' }, platforms).passed).toBe(true);
  });

  it('lists every violation at once', () => {
    const result = checkTask(
      { ...task, description: 'short', difficulty: 10, estimatedTimeMinutes: 5 },
      context,
    );
    expect(result.violations).toHaveLength(3);
  });
});

describe('reflection guardrails (§7)', () => {
  const reflection: ReflectionDraft = {
    summary: 'You solved the task with two pointers. The sort made the scan linear.',
    keySkills: ['two-pointers', 'sorting', 'arrays'],
    conceptsApplied: ['Two pointers', 'Sorting first'],
    difficultyRating: 4,
    nextSteps: ['Solve one more two-pointer problem.'],
  };

  it('passes a reflection inside every bound', () => {
    expect(checkReflection(reflection, known)).toEqual({ passed: true, violations: [] });
  });

  it.each([
    ['one sentence', { summary: 'You solved it with two pointers.' }, /2–3 sentences \(got 1\)/],
    ['four sentences', { summary: 'One. Two. Three. Four.' }, /2–3 sentences \(got 4\)/],
    ['two skills', { keySkills: ['arrays', 'sorting'] }, /keySkills must be 3–5/],
    ['six skills', { keySkills: [...known, 'arrays'] }, /keySkills must be 3–5/],
    [
      'an invented skill',
      { keySkills: ['arrays', 'sorting', 'magic'] },
      /not in the taxonomy: magic/,
    ],
    ['one concept', { conceptsApplied: ['Two pointers'] }, /conceptsApplied must be 2–4/],
    [
      'five concepts',
      { conceptsApplied: ['a', 'b', 'c', 'd', 'e'] },
      /conceptsApplied must be 2–4/,
    ],
    ['a rating of 11', { difficultyRating: 11 }, /difficultyRating/],
    ['no next step', { nextSteps: [] }, /nextSteps/],
  ])('rejects %s', (_name, change, message) => {
    const result = checkReflection(
      { ...reflection, ...(change as Partial<ReflectionDraft>) },
      known,
    );
    expect(result.passed).toBe(false);
    expect(result.violations.join('; ')).toMatch(message);
  });
});

describe('skills guardrails', () => {
  it('accepts known distinct slugs, even none', () => {
    expect(checkSkills({ skills: ['arrays', 'greedy'] }, known).passed).toBe(true);
    expect(checkSkills({ skills: [] }, known).passed).toBe(true);
  });

  it('rejects unknown or repeated slugs', () => {
    expect(checkSkills({ skills: ['telepathy'] }, known).violations).toEqual([
      'skills not in the taxonomy: telepathy',
    ]);
    expect(checkSkills({ skills: ['arrays', 'arrays'] }, known).passed).toBe(false);
  });
});

describe('countSentences', () => {
  it('splits on stops followed by a space, not inside numbers', () => {
    expect(countSentences('It ran in 3.5 s. Then it passed!')).toBe(2);
    expect(countSentences('One sentence without a stop')).toBe(1);
    expect(countSentences('Why? Because. ')).toBe(2);
    expect(countSentences('')).toBe(0);
  });
});
