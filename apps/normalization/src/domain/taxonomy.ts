import type { Platform } from '@prepmate/contracts';

export interface TopicSeed {
  slug: string;
  name: string;
  category: string;
  estimatedHours: number;
  prerequisites: string[];
  /** Normalized tags; without a platform an alias applies to every platform. */
  aliases: string[];
}

export interface AliasSeed {
  alias: string;
  topic: string;
  platform: Platform | null;
}

const t = (
  slug: string,
  name: string,
  category: string,
  estimatedHours: number,
  prerequisites: string[],
  aliases: string[],
): TopicSeed => ({ slug, name, category, estimatedHours, prerequisites, aliases });

/** The topic taxonomy and its tag aliases, seeded by the normalization service at start. */
export const TAXONOMY: readonly TopicSeed[] = [
  t('arrays', 'Arrays', 'DSA', 8, [], ['array', 'matrix', 'enumeration']),
  t(
    'strings',
    'Strings',
    'DSA',
    8,
    ['arrays'],
    ['string', 'strings', 'string-matching', 'suffix-array', 'string-suffix-structures'],
  ),
  t(
    'hashing',
    'Hashing',
    'DSA',
    6,
    ['arrays'],
    ['hash-table', 'hash-function', 'rolling-hash', 'hashing', 'counting'],
  ),
  t('two-pointers', 'Two Pointers', 'DSA', 4, ['arrays'], ['two-pointers']),
  t('sliding-window', 'Sliding Window', 'DSA', 4, ['two-pointers'], ['sliding-window']),
  t('prefix-sums', 'Prefix Sums', 'DSA', 3, ['arrays'], ['prefix-sum']),
  t(
    'sorting',
    'Sorting',
    'DSA',
    5,
    ['arrays'],
    ['sorting', 'sortings', 'merge-sort', 'bucket-sort', 'counting-sort', 'radix-sort'],
  ),
  t('binary-search', 'Binary Search', 'DSA', 6, ['sorting'], ['binary-search', 'ternary-search']),
  t(
    'stacks-queues',
    'Stacks and Queues',
    'DSA',
    6,
    ['arrays'],
    ['stack', 'queue', 'monotonic-stack', 'monotonic-queue'],
  ),
  t('linked-lists', 'Linked Lists', 'DSA', 5, [], ['linked-list', 'doubly-linked-list']),
  t(
    'recursion-backtracking',
    'Recursion and Backtracking',
    'DSA',
    8,
    [],
    ['recursion', 'backtracking'],
  ),
  t(
    'trees',
    'Trees',
    'DSA',
    10,
    ['recursion-backtracking'],
    ['tree', 'trees', 'binary-tree', 'binary-search-tree'],
  ),
  t('heaps', 'Heaps', 'DSA', 5, ['trees'], ['heap-priority-queue']),
  t(
    'graphs',
    'Graphs',
    'DSA',
    12,
    ['trees'],
    [
      'graph',
      'graphs',
      'depth-first-search',
      'breadth-first-search',
      'dfs-and-similar',
      'topological-sort',
      'strongly-connected-component',
      'eulerian-circuit',
      'biconnected-component',
      'minimum-spanning-tree',
      '2-sat',
    ],
  ),
  t(
    'shortest-paths',
    'Shortest Paths',
    'DSA',
    6,
    ['graphs', 'heaps'],
    ['shortest-path', 'shortest-paths'],
  ),
  t('union-find', 'Union-Find', 'DSA', 4, ['graphs'], ['union-find', 'dsu']),
  t(
    'dynamic-programming',
    'Dynamic Programming',
    'DSA',
    20,
    ['recursion-backtracking'],
    ['dynamic-programming', 'dp', 'memoization'],
  ),
  t('greedy', 'Greedy', 'DSA', 8, ['sorting'], ['greedy']),
  t(
    'bit-manipulation',
    'Bit Manipulation',
    'DSA',
    5,
    [],
    ['bit-manipulation', 'bitmask', 'bitmasks'],
  ),
  t(
    'math',
    'Math',
    'DSA',
    8,
    [],
    [
      'math',
      'brainteaser',
      'matrices',
      'fft',
      'randomized',
      'reservoir-sampling',
      'rejection-sampling',
    ],
  ),
  t(
    'number-theory',
    'Number Theory',
    'DSA',
    8,
    ['math'],
    ['number-theory', 'chinese-remainder-theorem'],
  ),
  t(
    'combinatorics-probability',
    'Combinatorics and Probability',
    'DSA',
    8,
    ['math'],
    ['combinatorics', 'probability-and-statistics', 'probabilities'],
  ),
  t('geometry', 'Geometry', 'DSA', 8, ['math'], ['geometry', 'line-sweep']),
  t(
    'advanced-data-structures',
    'Advanced Data Structures',
    'DSA',
    12,
    ['trees'],
    ['segment-tree', 'binary-indexed-tree', 'ordered-set', 'data-structures'],
  ),
  t('tries', 'Tries', 'DSA', 4, ['trees', 'strings'], ['trie']),
  t(
    'divide-and-conquer',
    'Divide and Conquer',
    'DSA',
    6,
    ['recursion-backtracking'],
    ['divide-and-conquer', 'quickselect', 'meet-in-the-middle'],
  ),
  t(
    'game-theory',
    'Game Theory',
    'DSA',
    6,
    ['math', 'dynamic-programming'],
    ['game-theory', 'games'],
  ),
  t(
    'implementation',
    'Implementation',
    'DSA',
    6,
    [],
    [
      'simulation',
      'implementation',
      'brute-force',
      'expression-parsing',
      'schedules',
      'interactive',
      'special',
    ],
  ),
  t(
    'constructive-algorithms',
    'Constructive Algorithms',
    'DSA',
    8,
    ['greedy'],
    ['constructive-algorithms'],
  ),
  t(
    'network-flows',
    'Network Flows and Matching',
    'DSA',
    10,
    ['graphs'],
    ['flows', 'graph-matchings'],
  ),
  t(
    'design',
    'Data Structure Design',
    'DSA',
    8,
    ['hashing', 'linked-lists'],
    ['design', 'data-stream', 'iterator'],
  ),
  t('sql', 'SQL', 'DBMS', 10, [], ['database']),
  t('concurrency', 'Concurrency', 'OS', 8, [], ['concurrency']),
  t('operating-systems', 'Operating Systems', 'OS', 12, [], ['shell']),
  t('computer-networks', 'Computer Networks', 'CN', 10, [], []),
  t('oop', 'Object-Oriented Design', 'OOPs', 6, [], []),
  t('system-design', 'System Design', 'System Design', 20, [], []),
];

/** The aliases of the seed table (all platform-independent in the taxonomy). */
export function seedAliases(topics: readonly TopicSeed[] = TAXONOMY): AliasSeed[] {
  return topics.flatMap((topic) =>
    topic.aliases.map((alias) => ({ alias, topic: topic.slug, platform: null })),
  );
}
