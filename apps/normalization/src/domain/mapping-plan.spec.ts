import type { PlatformProblem } from '@prepmate/contracts';
import type { CanonicalCandidate } from './matching';
import { type MappingPlan, planMappings, planNewProblem, unusableProblem } from './mapping-plan';
import { TagAliases } from './tags';

const aliases = new TagAliases([
  { alias: 'dp', topic: 'dynamic-programming', platform: null },
  { alias: 'graphs', topic: 'graphs', platform: 'codeforces' },
]);

function problem(overrides: Partial<PlatformProblem> = {}): PlatformProblem {
  return {
    platformProblemId: '1A',
    title: 'Theatre Square',
    difficulty: null,
    rating: 1000,
    tags: ['dp', 'math'],
    url: null,
    ...overrides,
  };
}

function plan(overrides: Partial<MappingPlan> = {}): MappingPlan {
  const result = planNewProblem(
    'codeforces:1A',
    [{ platform: 'codeforces', problem: problem(), userId: 'u1' }],
    aliases,
    5,
  );
  if ('failure' in result) throw new Error(result.failure);
  return { ...result, ...overrides };
}

describe('mapping plan (docs/product.md#normalization)', () => {
  it('rejects a problem without a usable title', () => {
    expect(unusableProblem(problem({ title: '  !! ' }))).toBe('the problem has no title');
    expect(unusableProblem(problem())).toBeNull();
    expect(
      planNewProblem(
        'codeforces:1A',
        [{ platform: 'codeforces', problem: problem({ title: '' }), userId: 'u1' }],
        aliases,
        5,
      ),
    ).toEqual({ failure: 'the problem has no title' });
  });

  it("plans from the platform's own data when an adapter read one of the submissions", () => {
    const result = planNewProblem(
      'codeforces:1A',
      [
        { platform: 'codeforces', problem: problem({ title: 'Imported' }), userId: 'u1' },
        {
          platform: 'codeforces',
          problem: problem({ title: 'Theatre Square', verified: true }),
          userId: 'u2',
        },
      ],
      aliases,
      5,
    );
    expect(result).toMatchObject({
      key: 'codeforces:1A',
      normalizedTitle: 'theatre square',
      verified: true,
      vouchers: [],
      ownDifficulty: 'easy',
      tags: { topics: ['dynamic-programming'], unmapped: ['math'] },
    });
  });

  it('makes the importers of an unconfirmed problem its vouchers (bounded, once each)', () => {
    const result = planNewProblem(
      'codeforces:1A',
      ['u1', 'u2', 'u1', 'u3'].map((userId) => ({
        platform: 'codeforces' as const,
        problem: problem(),
        userId,
      })),
      aliases,
      2,
    );
    expect(result).toMatchObject({ verified: false, vouchers: ['u1', 'u2'] });
  });

  it('creates a problem when nothing matches, and maps a later copy in the batch to it', () => {
    const ids = ['new-1', 'new-2'];
    const pool: CanonicalCandidate[] = [];
    const leetcode = plan({ key: 'leetcode:theatre-square', platform: 'leetcode' });
    const { mappings, created } = planMappings([plan(), leetcode], pool, () => ids.shift()!);
    expect(mappings.map(({ decision }) => decision.action)).toEqual(['create', 'map']);
    expect(mappings.map(({ target }) => target.id)).toEqual(['new-1', 'new-1']);
    expect([...created.keys()]).toEqual(['new-1']);
    expect(created.get('new-1')!.plan.key).toBe('codeforces:1A');
    expect(pool[0].platforms).toEqual(['codeforces', 'leetcode']);
  });

  it('maps to an existing candidate, which then lists the platform', () => {
    const existing: CanonicalCandidate = {
      id: 'old',
      normalizedTitle: 'theatre square',
      difficulty: 'easy',
      topics: ['dynamic-programming'],
      platforms: ['leetcode'],
    };
    const pool = [existing];
    const { mappings, created } = planMappings([plan()], pool, () => 'never');
    expect(mappings[0].decision).toMatchObject({ action: 'map', method: 'exact_title_match' });
    expect(mappings[0].target).toBe(existing);
    expect(existing.platforms).toEqual(['leetcode', 'codeforces']);
    expect(created.size).toBe(0);
  });

  it('never maps two problems of one platform to the same canonical problem', () => {
    const ids = ['new-1', 'new-2'];
    const pool: CanonicalCandidate[] = [];
    const twin = plan({ key: 'codeforces:1B' });
    const { mappings } = planMappings([plan(), twin], pool, () => ids.shift()!);
    expect(mappings.map(({ target }) => target.id)).toEqual(['new-1', 'new-2']);
  });
});
