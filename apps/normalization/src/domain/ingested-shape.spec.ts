import { ingestedPayloadFaults } from './ingested-shape';

const valid = {
  submissionId: 's-1',
  userId: 'u-1',
  platform: 'codeforces',
  platformSubmissionId: '100001',
  problem: {
    platformProblemId: '1459B',
    title: 'Move and Turn',
    difficulty: 'medium',
    rating: 1300,
    tags: ['math'],
    url: null,
  },
  verdict: 'accepted',
  language: 'C++17',
  submittedAt: '2026-03-01T10:00:00.000Z',
  runtimeMs: 46,
  memoryKb: null,
  solveTimeSeconds: null,
  syncBatchId: 'batch-1',
};

describe('ingestedPayloadFaults', () => {
  it('finds nothing wrong with a payload as ingestion publishes it', () => {
    expect(ingestedPayloadFaults(valid)).toEqual([]);
  });

  it('names a missing problem (the fault suite’s poison message)', () => {
    expect(ingestedPayloadFaults({ ...valid, problem: null })).toEqual(['problem is missing']);
  });

  it('names every broken field of the envelope’s payload', () => {
    expect(
      ingestedPayloadFaults({
        ...valid,
        userId: '',
        platform: 'topcoder',
        verdict: 'maybe',
        submittedAt: 'yesterday',
        runtimeMs: '46',
        problem: { ...valid.problem, platformProblemId: 7, tags: 'math' },
      }),
    ).toEqual([
      'userId is not a non-empty string',
      'platform is not a known platform',
      'verdict is not a known verdict',
      'submittedAt is not a date',
      'runtimeMs is not a number or null',
      'problem.platformProblemId is missing',
      'problem.tags is not a list of strings',
    ]);
  });

  it('refuses what is not an object at all', () => {
    expect(ingestedPayloadFaults(null)).toEqual(['the payload is not an object']);
    expect(ingestedPayloadFaults('text')).toEqual(['the payload is not an object']);
  });
});
