import { getConnectionToken, getModelToken } from '@nestjs/mongoose';
import {
  deleteSystemTopology,
  ingestedEvent,
  isolatedEnv,
  startTestService,
  type TestService,
} from '@prepmate/testing';
import type { Connection, Model } from 'mongoose';
import {
  NORMALIZATION_FAILURE_MODEL,
  type NormalizationFailureDocument,
} from '../../apps/normalization/src/failures/normalization-failure.schema';
import { FailuresService } from '../../apps/normalization/src/failures/failures.service';
import { ResolutionSweep } from '../../apps/normalization/src/failures/resolution-sweep';
import { NormalizationModule } from '../../apps/normalization/src/normalization.module';
import {
  NORMALIZED_SUBMISSION_MODEL,
  type NormalizedSubmissionDocument,
} from '../../apps/normalization/src/normalizing/normalized-submission.schema';
import { Normalizer } from '../../apps/normalization/src/normalizing/normalizer';
import {
  CANONICAL_PROBLEM_MODEL,
  type CanonicalProblemDocument,
} from '../../apps/normalization/src/problems/canonical-problem.schema';
import { ProblemCatalog } from '../../apps/normalization/src/problems/problem-catalog';

/**
 * An admin's "resolve failure" is several writes; one cut short (a crash, a database error)
 * is continued from the step stored on the failure, by a retry or by the sweep
 * (docs/reliability.md "Resolving a normalization failure"). The crash is simulated by the
 * write of one step failing once.
 */
describe('resolving a normalization failure', () => {
  const { AMQP_EXCHANGE, prefix } = isolatedEnv('resolve');
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService({
      module: NormalizationModule,
      env: {
        AMQP_EXCHANGE,
        AMQP_QUEUE_PREFIX: `${prefix}.`,
        MONGO_DB: `${prefix}_normalization`,
        FAILURE_RESOLUTION_SWEEP_MS: '3600000',
        FAILURE_RESOLUTION_GRACE_MS: '0',
      },
    });
  });

  afterAll(async () => {
    await service.app.get<Connection>(getConnectionToken()).dropDatabase();
    await service.close();
    await deleteSystemTopology(AMQP_EXCHANGE, `${prefix}.`);
  });

  /** Two submissions of a problem without a title: held in one failure. */
  async function heldFailure(problemId: string): Promise<{ id: string; submissions: string[] }> {
    const submissions = [1, 2].map((n) => `${problemId}-sub-${n}`);
    const events = submissions.map((submissionId, i) =>
      ingestedEvent(i, {
        submissionId,
        userId: `${problemId}-user`,
        problem: {
          platformProblemId: problemId,
          title: '',
          difficulty: null,
          rating: null,
          tags: ['math'],
          url: null,
        },
      }),
    );
    const outcomes = await service.app
      .get(Normalizer)
      .normalizeBatch(events.map((event) => event.payload));
    expect(outcomes.every((outcome) => outcome.canonicalProblemId === null)).toBe(true);
    return { id: `codeforces:${problemId}`, submissions };
  }

  // The tests read the collections themselves (the stores keep their models private).
  const normalizedOf = (ids: string[]) =>
    service.app
      .get<Model<NormalizedSubmissionDocument>>(getModelToken(NORMALIZED_SUBMISSION_MODEL))
      .find({ _id: { $in: ids } })
      .lean();
  const failureOf = (id: string) =>
    service.app
      .get<Model<NormalizationFailureDocument>>(getModelToken(NORMALIZATION_FAILURE_MODEL))
      .findOne({ _id: id }, { pendingEvents: 0 })
      .lean();

  it('continues a resolution whose write failed half-way when the admin retries (no 409)', async () => {
    const failure = await heldFailure('cut-mid');
    const failures = service.app.get(FailuresService);
    const catalog = service.app.get(ProblemCatalog);
    const create = { title: 'Cut Mid Resolution', difficulty: 'easy' as const, topics: ['math'] };
    // The mapping is written, then the database fails on adding the platform to the problem.
    const attach = jest
      .spyOn(catalog, 'addPlatforms')
      .mockRejectedValueOnce(new Error('database went away'));
    await expect(failures.resolve({ failureId: failure.id, create })).rejects.toThrow(
      'database went away',
    );
    attach.mockRestore();
    expect(await failureOf(failure.id)).toMatchObject({
      status: 'resolving',
      resolution: { step: 'attach' },
    });
    expect(await normalizedOf(failure.submissions)).toHaveLength(0);

    const retried = await failures.resolve({ failureId: failure.id, create });
    expect(retried.republished).toBe(2);
    const normalized = await normalizedOf(failure.submissions);
    expect(normalized.map((doc) => doc.canonicalProblemId)).toEqual([
      retried.canonicalProblemId,
      retried.canonicalProblemId,
    ]);
    // One problem, created once, carrying the platform once.
    const problems = await service.app
      .get<Model<CanonicalProblemDocument>>(getModelToken(CANONICAL_PROBLEM_MODEL))
      .find({ title: create.title })
      .lean();
    expect(problems).toHaveLength(1);
    expect(problems[0].platforms.map((entry) => entry.platformProblemId)).toEqual(['cut-mid']);
    expect(await failureOf(failure.id)).toMatchObject({
      status: 'resolved',
      resolvedCanonicalProblemId: retried.canonicalProblemId,
      resolution: { step: 'done' },
    });
    // Resolved for good now.
    await expect(failures.resolve({ failureId: failure.id, create })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('refuses to continue a begun resolution towards another problem', async () => {
    const failure = await heldFailure('other-target');
    const failures = service.app.get(FailuresService);
    const catalog = service.app.get(ProblemCatalog);
    const attach = jest
      .spyOn(catalog, 'addPlatforms')
      .mockRejectedValueOnce(new Error('database went away'));
    const create = { title: 'Other Target', difficulty: 'hard' as const, topics: ['math'] };
    await expect(failures.resolve({ failureId: failure.id, create })).rejects.toThrow();
    attach.mockRestore();
    const begun = await failureOf(failure.id);
    await expect(
      failures.resolve({ failureId: failure.id, canonicalProblemId: 'some-other-problem' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    // The id the resolution chose continues it.
    const continued = await failures.resolve({
      failureId: failure.id,
      canonicalProblemId: begun!.resolution!.canonicalProblemId,
    });
    expect(continued.republished).toBe(2);
  });

  it('normalizes the held submissions of a failure closed just before a crash, through the sweep', async () => {
    const failure = await heldFailure('crash-closed');
    const failures = service.app.get(FailuresService);
    const normalizer = service.app.get(Normalizer);
    const normalize = jest
      .spyOn(normalizer, 'normalizeBatch')
      .mockRejectedValueOnce(new Error('process killed'));
    await expect(
      failures.resolve({
        failureId: failure.id,
        create: { title: 'Crash After Close', difficulty: 'medium', topics: ['math'] },
      }),
    ).rejects.toThrow('process killed');
    normalize.mockRestore();
    // Marked resolved (new submissions of the problem map directly), the held ones not yet.
    expect(await failureOf(failure.id)).toMatchObject({
      status: 'resolved',
      resolution: { step: 'normalize' },
    });
    expect(await normalizedOf(failure.submissions)).toHaveLength(0);

    // Nobody retries: the sweep finishes it.
    expect(await service.app.get(ResolutionSweep).sweep()).toBe(1);
    expect(await normalizedOf(failure.submissions)).toHaveLength(2);
    expect(await failureOf(failure.id)).toMatchObject({ resolution: { step: 'done' } });
    expect(await service.app.get(ResolutionSweep).sweep()).toBe(0);
  });
});
