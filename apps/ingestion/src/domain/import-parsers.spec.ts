import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCodeforcesSubmission } from './codeforces-submission';
import { EnvelopeError, readImportEnvelopes } from './import-envelope';
import { parseEach } from './import-record';
import { parseLeetCodeSubmission, parseMemoryKb, parseRuntimeMs } from './leetcode-submission';
import { parsePrepMateRecord } from './prepmate-import';

const fixture = JSON.parse(
  readFileSync(
    join(__dirname, '../../../../test/fixtures/codeforces/user-status-rishgod.json'),
    'utf8',
  ),
);

describe('Codeforces user.status import', () => {
  it('maps every field of a real export', () => {
    const [envelope] = readImportEnvelopes('codeforces', fixture);
    const parsed = parseEach(envelope.items, parseCodeforcesSubmission);
    expect(parsed).toMatchObject({ received: 89, rejected: [] });
    expect(parsed.records[0]).toEqual({
      index: 0,
      platformSubmissionId: '101778306',
      problem: {
        platformProblemId: '1459B',
        title: 'Move and Turn',
        difficulty: null,
        rating: 1300,
        tags: ['dp', 'math'],
        url: 'https://codeforces.com/problemset/problem/1459/B',
      },
      verdict: 'accepted',
      language: 'GNU C++17',
      submittedAt: new Date(1608387223 * 1000),
      runtimeMs: 31,
      memoryKb: 0,
      solveTimeSeconds: null,
    });
    expect(parsed.records.filter((r) => r.verdict === 'compilation_error')).toHaveLength(4);
  });

  it('accepts the bare result array, rejects testing submissions one by one', () => {
    const items = [
      { ...fixture.result[0], verdict: 'TESTING' },
      fixture.result[1],
      {
        ...fixture.result[2],
        problem: { ...fixture.result[2].problem, contestId: undefined },
        contestId: undefined,
      },
    ];
    const [envelope] = readImportEnvelopes('codeforces', items);
    const parsed = parseEach(envelope.items, parseCodeforcesSubmission);
    expect(parsed.records.map((r) => r.index)).toEqual([1]);
    expect(parsed.rejected).toEqual([
      expect.objectContaining({ index: 0, code: 'NOT_FINAL', field: 'verdict' }),
      expect.objectContaining({ index: 2, code: 'VALIDATION_FAILED', field: 'problem.contestId' }),
    ]);
  });

  it('refuses a FAILED answer and more than 10 000 submissions as a whole', () => {
    expect(() =>
      readImportEnvelopes('codeforces', { status: 'FAILED', comment: 'handle: not found' }),
    ).toThrow(/handle: not found/);
    const tooMany = { status: 'OK', result: new Array(10_001).fill(fixture.result[0]) };
    expect(() => readImportEnvelopes('codeforces', tooMany)).toThrow(
      expect.objectContaining({ code: 'PAYLOAD_TOO_LARGE' }) as EnvelopeError,
    );
  });
});

describe('PrepMate import', () => {
  const valid = {
    platformSubmissionId: '1187262337',
    problem: {
      platformProblemId: 'two-sum',
      title: 'Two Sum',
      difficulty: 'easy',
      tags: ['Array'],
    },
    verdict: 'accepted',
    submittedAt: '2026-03-01T10:00:00Z',
    language: 'python3',
    runtimeMs: 52,
    memoryKb: 17400,
    solveTimeSeconds: 640,
  };

  it('keeps valid records and rejects bad ones with index, field and reason', () => {
    const [envelope] = readImportEnvelopes('prepmate', {
      platform: 'leetcode',
      submissions: [
        valid,
        { ...valid, verdict: 'ACCEPTED' },
        { ...valid, problem: { title: 'x' } },
        { ...valid, submittedAt: 'yesterday' },
        { ...valid, runtimeMs: -1 },
        'nope',
        { ...valid, problem: { platformProblemId: 'no-title' } },
      ],
    });
    const parsed = parseEach(envelope.items, parsePrepMateRecord);
    expect(parsed.records.map((r) => r.index)).toEqual([0, 6]);
    expect(parsed.records[1].problem).toMatchObject({ title: '', tags: [], difficulty: null });
    expect(parsed.rejected.map((r) => [r.index, r.field])).toEqual([
      [1, 'verdict'],
      [2, 'problem.platformProblemId'],
      [3, 'submittedAt'],
      [4, 'runtimeMs'],
      [5, 'submission'],
    ]);
  });

  it('refuses an envelope without a known platform', () => {
    expect(() =>
      readImportEnvelopes('prepmate', { platform: 'topcoder', submissions: [] }),
    ).toThrow(expect.objectContaining({ field: 'platform' }) as EnvelopeError);
  });
});

describe('LeetCode GraphQL import', () => {
  const question = (slug: string) =>
    slug === 'two-sum'
      ? {
          titleSlug: 'two-sum',
          title: 'Two Sum',
          difficulty: 'easy' as const,
          tags: ['Array', 'Hash Table'],
        }
      : undefined;

  it('reads submissionList pages with verdicts, runtime and memory', () => {
    const envelopes = readImportEnvelopes('leetcode', {
      data: {
        submissionList: {
          lastKey: null,
          hasNext: false,
          submissions: [
            {
              id: '1187262337',
              title: 'Two Sum',
              titleSlug: 'two-sum',
              statusDisplay: 'Wrong Answer',
              lang: 'python3',
              runtime: 'N/A',
              memory: 'N/A',
              timestamp: '1709287200',
              isPending: 'Not Pending',
            },
            {
              id: '1187262400',
              title: 'Two Sum',
              titleSlug: 'two-sum',
              statusDisplay: 'Accepted',
              lang: 'python3',
              runtime: '52 ms',
              memory: '17.4 MB',
              timestamp: '1709287500',
              isPending: 'Not Pending',
            },
          ],
        },
      },
    });
    const parsed = parseEach(envelopes[0].items, (raw, i) =>
      parseLeetCodeSubmission(raw, i, question, envelopes[0].acceptedList),
    );
    expect(parsed.records.map((r) => [r.verdict, r.runtimeMs, r.memoryKb])).toEqual([
      ['wrong_answer', null, null],
      ['accepted', 52, 17818],
    ]);
    expect(parsed.records[1].problem).toEqual({
      platformProblemId: 'two-sum',
      title: 'Two Sum',
      difficulty: 'easy',
      rating: null,
      tags: ['Array', 'Hash Table'],
      url: 'https://leetcode.com/problems/two-sum/',
      // LeetCode's own question answered: the platform vouches for the problem.
      verified: true,
    });
  });

  it('refuses a titleSlug that cannot be a LeetCode slug before anything is looked up', () => {
    const asked: string[] = [];
    const lookup = (slug: string) => {
      asked.push(slug);
      return undefined;
    };
    const base = { id: '7', title: 'X', timestamp: '1709287200', statusDisplay: 'Accepted' };
    const parsed = parseEach(
      [
        { ...base, titleSlug: '../../graphql?x=1' },
        { ...base, titleSlug: 'Two Sum' },
        { ...base, titleSlug: 'a'.repeat(101) },
        { ...base, titleSlug: 'two--sum' },
        { ...base, titleSlug: 'two-sum' },
      ],
      (item, index) => parseLeetCodeSubmission(item, index, lookup, false),
    );
    expect(parsed.rejected.map(({ index, field }) => [index, field])).toEqual([
      [0, 'titleSlug'],
      [1, 'titleSlug'],
      [2, 'titleSlug'],
      [3, 'titleSlug'],
    ]);
    expect(asked).toEqual(['two-sum']);
    expect(parsed.records[0].problem).toMatchObject({ title: 'X', verified: false });
  });

  it('treats recentAcSubmissionList items as accepted', () => {
    const [envelope] = readImportEnvelopes('leetcode', {
      data: {
        recentAcSubmissionList: [
          { id: '1', title: 'Two Sum', titleSlug: 'two-sum', timestamp: '1709287200' },
        ],
      },
    });
    expect(envelope.acceptedList).toBe(true);
    expect(parseLeetCodeSubmission(envelope.items[0], 0, question, true).verdict).toBe('accepted');
  });

  it('parses runtime and memory strings', () => {
    expect(parseRuntimeMs('0 ms')).toBe(0);
    expect(parseRuntimeMs('N/A')).toBeNull();
    expect(parseMemoryKb('900 KB')).toBe(900);
    expect(parseMemoryKb('1 GB')).toBe(1048576);
  });
});
