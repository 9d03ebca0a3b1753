import { normalizeTag, TagAliases } from './tags';
import { seedAliases, TAXONOMY } from './taxonomy';

describe('tag normalization (docs/product.md#normalization)', () => {
  it.each([
    ['Heap (Priority Queue)', 'heap-priority-queue'],
    ['dfs and similar', 'dfs-and-similar'],
    ['*special', 'special'],
    ['2-sat', '2-sat'],
    ['  Hash   Table ', 'hash-table'],
    ['Binary Indexed Tree', 'binary-indexed-tree'],
    ['chinese remainder theorem', 'chinese-remainder-theorem'],
    ['---', ''],
  ])('%s → %s', (tag, expected) => {
    expect(normalizeTag(tag)).toBe(expected);
  });
});

describe('alias lookup', () => {
  const aliases = new TagAliases([
    ...seedAliases(),
    { alias: 'implementation', topic: 'math', platform: 'atcoder' },
  ]);

  it('maps Codeforces and LeetCode tags through the taxonomy and records unknown ones', () => {
    expect(
      aliases.map('codeforces', ['dp', 'dfs and similar', 'dsu', '*special', 'schedules']),
    ).toEqual({
      topics: ['dynamic-programming', 'graphs', 'union-find', 'implementation'],
      normalizedTags: ['dp', 'dfs-and-similar', 'dsu', 'special', 'schedules'],
      unmapped: [],
    });
    expect(
      aliases.map('leetcode', ['Heap (Priority Queue)', 'Array', 'Quantum Stuff', 'array']),
    ).toEqual({
      topics: ['heaps', 'arrays'],
      normalizedTags: ['heap-priority-queue', 'array', 'quantum-stuff'],
      unmapped: ['quantum-stuff'],
    });
  });

  it('prefers a platform alias over the platform-independent one', () => {
    expect(aliases.topicOf('atcoder', 'implementation')).toBe('math');
    expect(aliases.topicOf('codeforces', 'implementation')).toBe('implementation');
  });

  it('seeds every topic slug of the taxonomy once, with prerequisites that exist', () => {
    const slugs = TAXONOMY.map((topic) => topic.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs).toHaveLength(37);
    for (const topic of TAXONOMY) for (const p of topic.prerequisites) expect(slugs).toContain(p);
    const all = seedAliases().map((a) => a.alias);
    expect(new Set(all).size).toBe(all.length);
  });
});
