import type { Layer, RoadmapTopic } from './roadmap-topic';

export interface OfficialRoadmap {
  slug: string;
  name: string;
  description: string;
  targetRole: string;
  topics: RoadmapTopic[];
}

type Row = [topic: string, weight: number, layer: Layer, dependencies?: string[]];

function topics(rows: Row[]): RoadmapTopic[] {
  return rows.map(([topic, weight, layer, dependencies = []], index) => ({
    topic,
    weight,
    layer,
    priority: index + 1,
    completionThreshold: null,
    dependencies,
    estimatedHours: null,
  }));
}

/**
 * The official roadmaps, seeded at start. Dependencies follow the taxonomy's prerequisites
 * (kept only where the prerequisite is on the same roadmap); every roadmap passes
 * `checkRoadmap` without warnings (a unit test holds them to it).
 */
export const OFFICIAL_ROADMAPS: OfficialRoadmap[] = [
  {
    slug: 'interview-core',
    name: 'Interview Core',
    description: 'The data structures and algorithms most coding interviews draw on.',
    targetRole: 'Software Engineer',
    topics: topics([
      ['arrays', 1, 'core'],
      ['strings', 0.9, 'core', ['arrays']],
      ['hashing', 0.9, 'core', ['arrays']],
      ['two-pointers', 0.8, 'core', ['arrays']],
      ['sorting', 0.8, 'core', ['arrays']],
      ['binary-search', 0.8, 'core', ['sorting']],
      ['stacks-queues', 0.8, 'core', ['arrays']],
      ['linked-lists', 0.8, 'core'],
      ['recursion-backtracking', 0.8, 'core'],
      ['trees', 0.9, 'core', ['recursion-backtracking']],
      ['graphs', 0.9, 'core', ['trees']],
      ['dynamic-programming', 0.9, 'core', ['recursion-backtracking']],
      ['sliding-window', 0.6, 'reinforcement', ['two-pointers']],
      ['prefix-sums', 0.5, 'reinforcement', ['arrays']],
      ['heaps', 0.6, 'reinforcement', ['trees']],
      ['greedy', 0.6, 'reinforcement', ['sorting']],
      ['bit-manipulation', 0.4, 'reinforcement'],
      ['union-find', 0.4, 'advanced', ['graphs']],
      ['shortest-paths', 0.5, 'advanced', ['graphs', 'heaps']],
      ['tries', 0.4, 'advanced', ['trees', 'strings']],
      ['math', 0.2, 'optional'],
      ['design', 0.2, 'optional', ['hashing', 'linked-lists']],
    ]),
  },
  {
    slug: 'dynamic-programming-deep-dive',
    name: 'Dynamic Programming Deep Dive',
    description: 'From recursion to DP on subsets, intervals and games.',
    targetRole: 'Competitive Programmer',
    topics: topics([
      ['recursion-backtracking', 0.8, 'core'],
      ['dynamic-programming', 1, 'core', ['recursion-backtracking']],
      ['divide-and-conquer', 0.7, 'core', ['recursion-backtracking']],
      ['prefix-sums', 0.5, 'reinforcement'],
      ['bit-manipulation', 0.5, 'reinforcement'],
      ['strings', 0.5, 'reinforcement'],
      ['math', 0.4, 'reinforcement'],
      ['game-theory', 0.5, 'advanced', ['math', 'dynamic-programming']],
      ['combinatorics-probability', 0.4, 'advanced', ['math']],
      ['graphs', 0.2, 'optional'],
    ]),
  },
  {
    slug: 'graphs',
    name: 'Graphs',
    description: 'Traversals, shortest paths, connectivity and flows.',
    targetRole: 'Software Engineer',
    topics: topics([
      ['recursion-backtracking', 0.7, 'core'],
      ['trees', 0.8, 'core', ['recursion-backtracking']],
      ['graphs', 1, 'core', ['trees']],
      ['shortest-paths', 0.9, 'core', ['graphs', 'heaps']],
      ['heaps', 0.6, 'reinforcement', ['trees']],
      ['union-find', 0.6, 'reinforcement', ['graphs']],
      ['stacks-queues', 0.5, 'reinforcement'],
      ['network-flows', 0.5, 'advanced', ['graphs']],
      ['advanced-data-structures', 0.3, 'advanced', ['trees']],
      ['dynamic-programming', 0.2, 'optional', ['recursion-backtracking']],
    ]),
  },
];
