/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked field by field */
import { eventually, type EventTap, expectErrorShape } from '@prepmate/testing';
import type { PipelineSystem } from '../support/pipeline-system';
import { startIngestSystem, submission } from './ingest-system';

describe('normalization through the gateway: one problem across platforms, and possible duplicates', () => {
  let system: PipelineSystem;
  let tap: EventTap;
  let student: { token: string; userId: string };
  let admin: { token: string; userId: string };

  beforeAll(async () => {
    ({ system, tap, student, admin } = await startIngestSystem('ingest-mapping'));
  });

  afterAll(async () => {
    await tap?.close();
    await system?.stop();
  });

  const normalizedOf = (userId: string) =>
    tap.of('submission.normalized').filter((e) => e.payload.userId === userId);

  it('maps the same problem from LeetCode and GeeksforGeeks to one canonical problem with two mappings', async () => {
    const tags = ['Array', 'Hash Table'];
    await system.api('POST', '/submissions/import', {
      token: student.token,
      body: {
        platform: 'leetcode',
        submissions: [
          submission('7001', {
            platformProblemId: 'two-sum',
            title: 'Two Sum',
            difficulty: 'easy',
            tags,
          }),
        ],
      },
    });
    await eventually(
      () =>
        normalizedOf(student.userId).filter((e) => e.payload.platformSubmissionId === '7001')
          .length,
      (n) => n === 1,
      {
        what: 'the LeetCode submission normalized',
      },
    );
    await system.api('POST', '/submissions/import', {
      token: student.token,
      body: {
        platform: 'geeksforgeeks',
        submissions: [
          submission('g-1', {
            platformProblemId: 'two-sum-1587115621',
            title: '1. Two Sum',
            difficulty: 'easy',
            tags,
          }),
        ],
      },
    });
    const gfg = await eventually(
      () => normalizedOf(student.userId).filter((e) => e.payload.platformSubmissionId === 'g-1'),
      (events) => events.length === 1,
      { what: 'the GeeksforGeeks submission normalized' },
    );
    const leetcode = normalizedOf(student.userId).find(
      (e) => e.payload.platformSubmissionId === '7001',
    )!;
    expect(gfg[0].payload.canonicalProblemId).toBe(leetcode.payload.canonicalProblemId);

    const found = await system.api('GET', '/problems?q=two%20sum', { token: student.token });
    const twoSum = found.body.items.filter((p: any) => p.title === 'Two Sum');
    expect(twoSum).toHaveLength(1);
    expect(twoSum[0].platforms.map((p: any) => p.platform).sort()).toEqual([
      'geeksforgeeks',
      'leetcode',
    ]);
    expect(twoSum[0].topics).toEqual(['arrays', 'hashing']);
    const mappings = await system
      .db('normalization')
      .collection('problem_mappings')
      .find({ canonicalProblemId: twoSum[0].id })
      .toArray();
    expect(mappings.map((m) => [m.platform, m.method])).toEqual(
      expect.arrayContaining([
        ['leetcode', 'new'],
        ['geeksforgeeks', 'exact_title_match'],
      ]),
    );
  });

  it('keeps a Codeforces and a LeetCode "Array" with other tags and difficulty apart, flagged as possible duplicates', async () => {
    await system.api('POST', '/submissions/import', {
      token: student.token,
      body: {
        platform: 'codeforces',
        submissions: [
          submission('555001', {
            platformProblemId: '1900Z',
            title: 'Array',
            rating: 2200,
            tags: ['constructive algorithms', 'math'],
          }),
        ],
      },
    });
    await eventually(
      () =>
        normalizedOf(student.userId).filter((e) => e.payload.platformSubmissionId === '555001')
          .length,
      (n) => n === 1,
      {
        what: 'the Codeforces Array normalized',
      },
    );
    await system.api('POST', '/submissions/import', {
      token: student.token,
      body: {
        platform: 'leetcode',
        submissions: [
          submission('8001', {
            platformProblemId: 'array-partition',
            title: 'Array',
            difficulty: 'easy',
            tags: ['Array', 'Sorting'],
          }),
        ],
      },
    });
    await eventually(
      () =>
        normalizedOf(student.userId).filter((e) => e.payload.platformSubmissionId === '8001')
          .length,
      (n) => n === 1,
      {
        what: 'the LeetCode Array normalized',
      },
    );
    const found = await system.api('GET', '/problems?q=array&limit=100', { token: student.token });
    const arrays = found.body.items.filter((p: any) => p.title === 'Array');
    expect(arrays).toHaveLength(2);
    expect(arrays.map((p: any) => p.difficulty).sort()).toEqual(['easy', 'hard']);

    const duplicates = await system.api('GET', '/admin/normalization/possible-duplicates', {
      token: admin.token,
    });
    expect(duplicates.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          problemTitle: 'Array',
          candidateTitle: 'Array',
          confidence: 0.6,
        }),
      ]),
    );
    expectErrorShape(
      await system.api('GET', '/admin/normalization/possible-duplicates', { token: student.token }),
      403,
      'FORBIDDEN',
    );
  });
});
