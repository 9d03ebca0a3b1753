import {
  type CandidateProblem,
  difficultyOrder,
  fittingDifficulty,
  learningPosition,
  suggestTask,
} from './learning-position';
import { computePci } from './pci';
import type { RoadmapTopic, TopicMastery } from './roadmap-topic';

const t = (
  topic: string,
  layer: RoadmapTopic['layer'],
  dependencies: string[] = [],
  weight = 1,
): RoadmapTopic => ({
  topic,
  weight,
  layer,
  priority: 1,
  completionThreshold: null,
  dependencies,
  estimatedHours: null,
});
const m = (mastery: number, totalAttempts = 5): TopicMastery => ({ mastery, totalAttempts });

/**
 * arrays → hashing → graphs → shortest-paths (core → reinforcement → advanced), strings
 * (core, no prerequisites), bit-tricks (optional).
 */
const roadmap = [
  t('arrays', 'core'),
  t('strings', 'core', [], 0.8),
  t('hashing', 'reinforcement', ['arrays']),
  t('graphs', 'advanced', ['hashing']),
  t('shortest-paths', 'advanced', ['graphs']),
  t('bit-tricks', 'optional', [], 0.2),
];

describe('where a learner stands on a roadmap', () => {
  it('starts at the core layer with every topic free of prerequisites unlocked', () => {
    const position = learningPosition(roadmap, computePci(roadmap, new Map()));
    expect(position.currentLayer).toBe('core');
    expect(position.done).toEqual([]);
    expect(position.unlocked.map((p) => p.topic)).toEqual(['arrays', 'strings', 'bit-tricks']);
    expect(position.locked.map((p) => p.topic)).toEqual(['hashing', 'graphs', 'shortest-paths']);
  });

  it('unlocks a topic once all its dependencies are done, not when merely started', () => {
    const masteries = new Map([
      ['arrays', m(0.8)],
      ['strings', m(0.35)],
      ['hashing', m(0.59)],
    ]);
    const position = learningPosition(roadmap, computePci(roadmap, masteries));
    expect(position.currentLayer).toBe('core'); // strings is still open
    expect(position.done.map((p) => p.topic)).toEqual(['arrays']);
    expect(position.unlocked.map((p) => p.topic)).toEqual(['strings', 'hashing', 'bit-tricks']);
    expect(position.locked.map((p) => p.topic)).toEqual(['graphs', 'shortest-paths']);
  });

  it('moves the current layer past finished layers, and is null once everything is done', () => {
    const masteries = new Map([
      ['arrays', m(0.8)],
      ['strings', m(0.7)],
      ['hashing', m(0.6)],
    ]);
    const position = learningPosition(roadmap, computePci(roadmap, masteries));
    expect(position.currentLayer).toBe('advanced');
    expect(position.unlocked.map((p) => p.topic)).toEqual(['graphs', 'bit-tricks']);
    const all = new Map(roadmap.map((topic) => [topic.topic, m(0.95)]));
    const finished = learningPosition(roadmap, computePci(roadmap, all));
    expect(finished.currentLayer).toBeNull();
    expect(finished.unlocked).toEqual([]);
    expect(finished.done).toHaveLength(roadmap.length);
  });

  it('orders unlocked topics of one layer by weight, then mastery, then slug', () => {
    const flat = [t('b', 'core', [], 0.5), t('a', 'core', [], 0.5), t('c', 'core', [], 0.9)];
    const position = learningPosition(
      flat,
      computePci(
        flat,
        new Map([
          ['b', m(0.2)],
          ['a', m(0.1)],
        ]),
      ),
    );
    expect(position.unlocked.map((p) => p.topic)).toEqual(['c', 'b', 'a']);
  });
});

describe('the task suggested for an unlocked topic', () => {
  it('fits the difficulty to the mastery', () => {
    expect([0, 0.29, 0.3, 0.69, 0.7, 1].map(fittingDifficulty)).toEqual([
      'easy',
      'easy',
      'medium',
      'medium',
      'hard',
      'hard',
    ]);
    expect(difficultyOrder('medium')).toEqual(['medium', 'easy', 'hard']);
    expect(difficultyOrder('hard')).toEqual(['hard', 'medium', 'easy']);
  });

  const p = (
    id: string,
    difficulty: CandidateProblem['difficulty'],
    platforms: CandidateProblem['platforms'][number]['platform'][] = ['codeforces'],
  ): CandidateProblem => ({
    id,
    title: `Problem ${id}`,
    difficulty,
    platforms: platforms.map((platform) => ({ platform, platformProblemId: id })),
  });
  const topic = { topic: 'graphs', topicName: 'Graphs' };

  it('picks the first unsolved, verifiable problem at the fitting difficulty', () => {
    const candidates = [p('e1', 'easy'), p('m1', 'medium'), p('m2', 'medium'), p('h1', 'hard')];
    expect(suggestTask(topic, candidates, new Set(['m1']), difficultyOrder('medium'))).toEqual({
      description: 'Solve "Problem m2" (medium) to advance Graphs',
      topic: 'graphs',
      problemId: 'm2',
      verificationSource: 'codeforces',
      estimatedTimeMinutes: 40,
    });
  });

  it('falls back to the nearer difficulties, and skips problems no platform verifies', () => {
    const candidates = [
      p('h1', 'hard'),
      p('m1', 'medium', ['hackerrank']),
      p('e1', 'easy', ['leetcode']),
    ];
    const task = suggestTask(topic, candidates, new Set(), difficultyOrder('medium'));
    expect(task).toMatchObject({ problemId: 'e1', verificationSource: 'leetcode' });
    expect(
      suggestTask(topic, candidates, new Set(['h1', 'e1']), ['medium', 'easy', 'hard']),
    ).toBeNull();
  });

  it('prefers Codeforces when a problem is on both platforms', () => {
    const both = p('x', 'easy', ['leetcode', 'codeforces']);
    expect(suggestTask(topic, [both], new Set(), ['easy'])?.verificationSource).toBe('codeforces');
  });
});
