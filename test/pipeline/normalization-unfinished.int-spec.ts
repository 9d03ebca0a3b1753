import { getConnectionToken } from '@nestjs/mongoose';
import { EventPublisher, RabbitMqTransport } from '@prepmate/messaging';
import {
  deleteSystemTopology,
  eventually,
  ingestedEvent,
  isolatedEnv,
  startTestService,
  type TestService,
} from '@prepmate/testing';
import type { Connection } from 'mongoose';
import { MAPPING_SETTLE_MS } from '../../apps/normalization/src/domain/unfinished-mapping';
import { NormalizationModule } from '../../apps/normalization/src/normalization.module';
import { Normalizer } from '../../apps/normalization/src/normalizing/normalizer';

/**
 * A consumer that dies between inserting a new problem's mapping and writing its canonical
 * problem leaves a mapping that points nowhere. The next consumer to meet that platform
 * problem finishes the work once the mapping is old enough that its writer cannot still be
 * running, and waits (retries) while it is young.
 */
describe('a mapping whose canonical problem a dead consumer never wrote', () => {
  const { AMQP_EXCHANGE, prefix } = isolatedEnv('unfinished');
  let service: TestService;
  let db: Connection;
  let failedBatches = 0;

  beforeAll(async () => {
    service = await startTestService({
      module: NormalizationModule,
      transport: RabbitMqTransport,
      env: {
        AMQP_EXCHANGE,
        AMQP_QUEUE_PREFIX: `${prefix}.`,
        MONGO_DB: `${prefix}_normalization`,
        AMQP_RETRY_DELAYS_MS: '1000,1000,1000,1000',
      },
    });
    await service.app.get(RabbitMqTransport).waitUntilConsuming();
    db = service.app.get<Connection>(getConnectionToken());
    const normalizer = service.app.get(Normalizer);
    const normalize = normalizer.normalizeBatch.bind(normalizer);
    jest.spyOn(normalizer, 'normalizeBatch').mockImplementation(async (...args) => {
      try {
        return await normalize(...args);
      } catch (error) {
        failedBatches += 1;
        throw error;
      }
    });
  });

  afterAll(async () => {
    await db?.dropDatabase().catch(() => undefined);
    await service?.close();
    await deleteSystemTopology(AMQP_EXCHANGE, `${prefix}.`);
  });

  const mapping = (platformProblemId: string, canonicalProblemId: string, ageMs: number) => ({
    _id: `codeforces:${platformProblemId}`,
    platform: 'codeforces',
    platformProblemId,
    canonicalProblemId,
    method: 'new',
    confidence: 0,
    topics: ['dynamic-programming'],
    difficulty: 'medium',
    createdAt: new Date(Date.now() - ageMs),
  });

  const insertMapping = (platformProblemId: string, canonicalProblemId: string, ageMs: number) =>
    db
      .collection('problem_mappings')
      .insertOne(mapping(platformProblemId, canonicalProblemId, ageMs) as never);

  /** Submission n of the Codeforces problem `platformProblemId`, as ingestion announces it. */
  const publishSubmission = (
    n: number,
    problem: { platformProblemId: string; title: string; url?: string },
  ) =>
    service.app.get(EventPublisher).publish(
      ingestedEvent(n, {
        submissionId: `${prefix}-sub-${n}`,
        problem: {
          difficulty: null,
          rating: 1500,
          tags: ['dp'],
          url: null,
          ...problem,
        },
      }),
    );

  const normalizedRecord = (submissionId: string) =>
    eventually(
      () => db.collection('normalized_submissions').findOne({ _id: submissionId as never }),
      (record) => record !== null,
      { timeoutMs: 20_000, what: `${submissionId} to be normalized` },
    );

  it('creates the missing canonical problem when the mapping is old', async () => {
    await insertMapping('1800A', 'lost-problem-1', 60_000);
    await publishSubmission(1, {
      platformProblemId: '1800A',
      title: 'Lost Problem',
      url: 'https://codeforces.com/problemset/problem/1800/A',
    });

    const record = await normalizedRecord(`${prefix}-sub-1`);
    expect(record?.canonicalProblemId).toBe('lost-problem-1');
    const problem = await db
      .collection('canonical_problems')
      .findOne({ _id: 'lost-problem-1' as never });
    expect(problem).toMatchObject({
      title: 'Lost Problem',
      normalizedTitle: 'lost problem',
      platforms: [expect.objectContaining({ platform: 'codeforces', platformProblemId: '1800A' })],
    });
    expect(await db.collection('problem_mappings').countDocuments()).toBe(1);
  });

  it('adds the platform a dead consumer never added to an existing problem', async () => {
    await db.collection('canonical_problems').insertOne({
      _id: 'existing-problem' as never,
      title: 'Shared Problem',
      normalizedTitle: 'shared problem',
      difficulty: 'medium',
      topics: ['dynamic-programming'],
      normalizedTags: ['dynamic-programming'],
      platforms: [
        {
          platform: 'leetcode',
          platformProblemId: 'shared-problem',
          url: null,
          firstSeen: new Date(),
        },
      ],
      interviewFrequency: null,
      openReports: 0,
      flagged: false,
      createdAt: new Date(),
    });
    await insertMapping('1800B', 'existing-problem', 60_000);
    await publishSubmission(2, { platformProblemId: '1800B', title: 'Shared Problem' });

    const record = await normalizedRecord(`${prefix}-sub-2`);
    expect(record?.canonicalProblemId).toBe('existing-problem');
    const problem = await db
      .collection('canonical_problems')
      .findOne({ _id: 'existing-problem' as never });
    expect(problem?.platforms.map((entry: { platform: string }) => entry.platform)).toEqual([
      'leetcode',
      'codeforces',
    ]);
  });

  it('waits while the mapping is young, then finishes it once it has settled', async () => {
    await insertMapping('1800C', 'lost-problem-3', 0);
    const before = failedBatches;
    await publishSubmission(3, { platformProblemId: '1800C', title: 'Young Problem' });
    // its writer might still be running: the batch fails and is retried, nothing is stored
    await eventually(
      () => failedBatches,
      (count) => count > before,
      { what: 'the batch to be refused while the mapping is young' },
    );
    expect(
      await db.collection('normalized_submissions').findOne({ _id: `${prefix}-sub-3` as never }),
    ).toBeNull();
    expect(
      await db.collection('canonical_problems').findOne({ _id: 'lost-problem-3' as never }),
    ).toBeNull();

    // time passes: the writer is surely dead, and the next retry finishes its work
    await db
      .collection('problem_mappings')
      .updateOne(
        { _id: 'codeforces:1800C' as never },
        { $set: { createdAt: new Date(Date.now() - MAPPING_SETTLE_MS - 1000) } },
      );
    const record = await normalizedRecord(`${prefix}-sub-3`);
    expect(record?.canonicalProblemId).toBe('lost-problem-3');
    expect(
      await db.collection('canonical_problems').findOne({ _id: 'lost-problem-3' as never }),
    ).toMatchObject({ title: 'Young Problem' });
  });
});
