import { MAPPING_SETTLE_MS, settleTheirMapping } from './unfinished-mapping';

describe('settleTheirMapping (a mapping another consumer inserted first)', () => {
  const problem = (...platforms: Array<['codeforces' | 'leetcode', string]>) => ({
    platforms: platforms.map(([platform, platformProblemId]) => ({ platform, platformProblemId })),
  });
  const base = { platform: 'codeforces' as const, platformProblemId: '1900C' };

  it('is complete when the canonical problem lists the platform problem, however young', () => {
    expect(
      settleTheirMapping({ ...base, mappingAgeMs: 0, problem: problem(['codeforces', '1900C']) }),
    ).toBe('complete');
  });

  it('waits while the other consumer may still be writing the problem', () => {
    expect(settleTheirMapping({ ...base, mappingAgeMs: 50, problem: null })).toBe('wait');
    expect(
      settleTheirMapping({
        ...base,
        mappingAgeMs: MAPPING_SETTLE_MS - 1,
        problem: problem(['leetcode', 'two-sum']),
      }),
    ).toBe('wait');
  });

  it('creates the problem a consumer that died after its mapping never wrote', () => {
    expect(settleTheirMapping({ ...base, mappingAgeMs: MAPPING_SETTLE_MS, problem: null })).toBe(
      'create-problem',
    );
  });

  it('adds the platform a consumer that died before extending an existing problem never added', () => {
    expect(
      settleTheirMapping({
        ...base,
        mappingAgeMs: 60_000,
        problem: problem(['leetcode', 'two-sum'], ['codeforces', '1900D']),
      }),
    ).toBe('add-platform');
  });
});
