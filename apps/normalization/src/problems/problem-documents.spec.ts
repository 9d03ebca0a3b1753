import type { MappingPlan } from '../domain/mapping-plan';
import type { CanonicalProblemDocument } from './canonical-problem.schema';
import {
  decidedMappingDocument,
  plannedMappingDocument,
  platformAddition,
  toCandidate,
  withPlatform,
} from './problem-documents';

const now = new Date('2026-01-01T00:00:00Z');

function plan(overrides: Partial<MappingPlan> = {}): MappingPlan {
  return {
    key: 'codeforces:1A',
    platform: 'codeforces',
    problem: {
      platformProblemId: '1A',
      title: ' Theatre Square ',
      difficulty: null,
      rating: 1000,
      tags: [],
      url: null,
    },
    normalizedTitle: 'theatre square',
    tags: { topics: ['math'], normalizedTags: ['math'], unmapped: [] },
    ownDifficulty: 'easy',
    verified: false,
    vouchers: ['u1'],
    ...overrides,
  };
}

describe('problem documents', () => {
  it('creates a new problem from the platform problem it was made for', () => {
    const docs = new Map<string, CanonicalProblemDocument>();
    withPlatform(docs, 'p1', plan(), 'easy', plan(), now, 5);
    expect(docs.get('p1')).toEqual({
      _id: 'p1',
      title: 'Theatre Square',
      normalizedTitle: 'theatre square',
      difficulty: 'easy',
      topics: ['math'],
      normalizedTags: ['math'],
      platforms: [
        {
          platform: 'codeforces',
          platformProblemId: '1A',
          url: 'https://codeforces.com/problemset/problem/1/A',
          firstSeen: now,
          verified: false,
        },
      ],
      interviewFrequency: null,
      openReports: 0,
      flagged: false,
      verified: false,
      vouchedBy: ['u1'],
      createdAt: now,
    });
  });

  it('lets a confirmed platform problem confirm a new problem with its title; an unconfirmed one adds only vouchers', () => {
    const docs = new Map<string, CanonicalProblemDocument>();
    const origin = plan();
    const confirmed = plan({
      key: 'leetcode:theatre',
      platform: 'leetcode',
      problem: { ...origin.problem, platformProblemId: 'theatre', title: 'Theatre' },
      normalizedTitle: 'theatre',
      tags: { topics: ['geometry'], normalizedTags: ['geometry'], unmapped: [] },
      verified: true,
      vouchers: [],
    });
    withPlatform(docs, 'p1', origin, 'easy', origin, now, 5);
    withPlatform(docs, 'p1', origin, 'easy', confirmed, now, 5);
    const doc = docs.get('p1')!;
    expect(doc).toMatchObject({ verified: true, title: 'Theatre', normalizedTitle: 'theatre' });
    expect(doc.topics).toEqual(['math', 'geometry']);
    const late = plan({
      tags: { topics: ['strings'], normalizedTags: ['strings'], unmapped: [] },
      vouchers: ['u2'],
    });
    withPlatform(docs, 'p1', origin, 'easy', late, now, 5);
    expect(doc.topics).toEqual(['math', 'geometry']);
    expect(doc.vouchedBy).toEqual(['u1', 'u2']);
  });

  it('confirms an unconfirmed existing problem only with a confirmed addition', () => {
    expect(platformAddition('p1', plan(), now, false).confirmTitle).toBeUndefined();
    expect(platformAddition('p1', plan({ verified: true }), now, false).confirmTitle).toEqual({
      title: 'Theatre Square',
      normalizedTitle: 'theatre square',
    });
    expect(
      platformAddition('p1', plan({ verified: true }), now, true).confirmTitle,
    ).toBeUndefined();
  });

  it("maps a planned problem with its own topics and difficulty, else the target's", () => {
    const target = {
      id: 'p1',
      normalizedTitle: 'x',
      difficulty: 'hard' as const,
      topics: ['dp'],
      platforms: [],
    };
    const decision = {
      action: 'map' as const,
      canonicalId: 'p1',
      method: 'heuristic' as const,
      confidence: 0.9,
      possibleDuplicateOf: null,
    };
    expect(plannedMappingDocument({ plan: plan(), decision, target }, now)).toMatchObject({
      _id: 'codeforces:1A',
      canonicalProblemId: 'p1',
      topics: ['math'],
      difficulty: 'easy',
      method: 'heuristic',
    });
    const bare = plan({
      tags: { topics: [], normalizedTags: [], unmapped: [] },
      ownDifficulty: null,
    });
    expect(plannedMappingDocument({ plan: bare, decision, target }, now)).toMatchObject({
      topics: ['dp'],
      difficulty: 'hard',
    });
  });

  it('maps a decided platform problem with full confidence', () => {
    const mapping = decidedMappingDocument({
      key: 'codeforces:1A',
      platform: 'codeforces',
      platformProblemId: '1A',
      canonical: { _id: 'p1', topics: ['dp'], difficulty: 'hard' },
      tags: { topics: [], normalizedTags: [], unmapped: [] },
      ownDifficulty: undefined,
      method: 'manual',
      createdAt: now,
    });
    expect(mapping).toEqual({
      _id: 'codeforces:1A',
      platform: 'codeforces',
      platformProblemId: '1A',
      canonicalProblemId: 'p1',
      method: 'manual',
      confidence: 1,
      topics: ['dp'],
      difficulty: 'hard',
      createdAt: now,
    });
  });

  it('reads a stored problem as a matching candidate', () => {
    const docs = new Map<string, CanonicalProblemDocument>();
    withPlatform(docs, 'p1', plan(), 'easy', plan(), now, 5);
    expect(toCandidate(docs.get('p1')!)).toEqual({
      id: 'p1',
      normalizedTitle: 'theatre square',
      difficulty: 'easy',
      topics: ['math'],
      platforms: ['codeforces'],
    });
  });
});
