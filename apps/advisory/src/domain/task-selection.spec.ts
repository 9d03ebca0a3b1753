import { checkTask } from './guardrails';
import {
  type CandidateProblem,
  criticalRevisions,
  estimatedMinutes,
  rulesTask,
  searchPlan,
  unsolvedCandidates,
  verificationTarget,
} from './task-selection';

const topics = [
  { topic: 'two-pointers', topicName: 'Two Pointers', reason: 'next core topic' },
  { topic: 'sorting', topicName: 'Sorting', reason: 'core' },
];
const known = new Set(['two-pointers', 'sorting', 'arrays']);

const problem = (id: string, overrides: Partial<CandidateProblem> = {}): CandidateProblem => ({
  id,
  title: `Problem ${id}`,
  difficulty: 'easy',
  topics: ['two-pointers', 'arrays'],
  platforms: [{ platform: 'codeforces', url: `https://codeforces.com/problemset/problem/${id}` }],
  ...overrides,
});

describe('searchPlan', () => {
  it('walks the recommended topics in order, each at the difficulties the level allows', () => {
    expect(searchPlan(topics, 4).map((s) => `${s.topic}:${s.difficulty}`)).toEqual([
      'two-pointers:medium',
      'two-pointers:easy',
      'sorting:medium',
      'sorting:easy',
    ]);
    expect(searchPlan(topics, 2).map((s) => `${s.topic}:${s.difficulty}`)).toEqual([
      'two-pointers:easy',
      'sorting:easy',
    ]);
  });
});

describe('unsolvedCandidates', () => {
  it('leaves out solved problems and puts judge-verifiable ones first', () => {
    const page = [
      problem('1'),
      problem('2', { platforms: [{ platform: 'hackerrank', url: null }] }),
      problem('3'),
    ];
    expect(unsolvedCandidates(page, new Set(['1']), 5).map((p) => p.id)).toEqual(['3', '2']);
    expect(unsolvedCandidates(page, new Set(['1', '2', '3']), 5)).toEqual([]);
    expect(unsolvedCandidates(page, new Set(), 1).map((p) => p.id)).toEqual(['1']);
  });
});

describe('verificationTarget', () => {
  it('is the first judge the problem is on, else GitHub', () => {
    expect(verificationTarget(problem('1')).source).toBe('codeforces');
    expect(
      verificationTarget(
        problem('2', {
          platforms: [
            { platform: 'geeksforgeeks', url: null },
            { platform: 'leetcode', url: 'https://leetcode.com/problems/x/' },
          ],
        }),
      ),
    ).toEqual({
      source: 'leetcode',
      platform: 'leetcode',
      url: 'https://leetcode.com/problems/x/',
    });
    expect(
      verificationTarget(problem('3', { platforms: [{ platform: 'atcoder', url: null }] })).source,
    ).toBe('github');
  });
});

describe('criticalRevisions', () => {
  it('keeps cards under 0.5 recall, most forgotten first, at most three', () => {
    const cards = [0.9, 0.2, 0.49, 0.5, 0.1, 0.3].map((retrievability, index) => ({
      canonicalProblemId: `c${index}`,
      title: null,
      retrievability,
    }));
    expect(criticalRevisions(cards).map((card) => card.canonicalProblemId)).toEqual([
      'c4',
      'c1',
      'c5',
    ]);
  });
});

describe('rulesTask', () => {
  const step = { ...topics[0], difficulty: 'easy' as const };

  it('names the problem, its judge and a difficulty fitting the level, inside every guardrail', () => {
    const task = rulesTask({
      problem: problem('4A', { title: 'Watermelon' }),
      step,
      roundedLevel: 2,
      revisionsFirst: [],
      knownSkills: known,
    });
    expect(task).toMatchObject({
      problemId: '4A',
      difficulty: 2,
      verificationSource: 'codeforces',
      skills: ['two-pointers', 'arrays'],
    });
    expect(task.description).toContain('"Watermelon"');
    expect(
      checkTask(task, {
        roundedLevel: 2,
        candidateProblemIds: new Set(['4A']),
        knownSkills: known,
      }),
    ).toEqual({ passed: true, violations: [] });
  });

  it('puts critical revisions first and stays within bounds with long titles', () => {
    const revisions = [1, 2, 3].map((n) => ({
      canonicalProblemId: `r${n}`,
      title: 'A very long title '.repeat(10),
      retrievability: 0.1,
    }));
    const task = rulesTask({
      problem: problem('9', { title: 'T'.repeat(300), difficulty: 'hard' }),
      step: { ...step, difficulty: 'hard' },
      roundedLevel: 10,
      revisionsFirst: revisions,
      knownSkills: known,
    });
    expect(task.description.startsWith('First re-solve the 3 problems')).toBe(true);
    expect(task.verificationRequirements).toContain(
      'Accepted re-submissions of the 3 revision problems',
    );
    expect(task.estimatedTimeMinutes).toBe(estimatedMinutes('hard', 10, 3));
    expect(
      checkTask(task, { roundedLevel: 10, candidateProblemIds: new Set(['9']), knownSkills: known })
        .passed,
    ).toBe(true);
  });

  it('asks for a GitHub repository when no judge has the problem', () => {
    const task = rulesTask({
      problem: problem('5', { platforms: [{ platform: 'hackerrank', url: null }] }),
      step,
      roundedLevel: 1,
      revisionsFirst: [],
      knownSkills: known,
    });
    expect(task.verificationSource).toBe('github');
    expect(task.verificationRequirements[0]).toMatch(/public GitHub repository/);
  });
});

describe('estimatedMinutes', () => {
  it('grows with difficulty and revisions and stays within 30–240', () => {
    expect(estimatedMinutes('easy', 1, 0)).toBe(30);
    expect(estimatedMinutes('medium', 6, 0)).toBe(65);
    expect(estimatedMinutes('hard', 10, 20)).toBe(240);
  });
});
