import { getConnectionToken, getModelToken } from '@nestjs/mongoose';
import { ingestedEvent, isolatedEnv, startTestService, type TestService } from '@prepmate/testing';
import type { Connection, Model } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { NormalizationModule } from '../../apps/normalization/src/normalization.module';
import { Normalizer } from '../../apps/normalization/src/normalizing/normalizer';
import {
  CANONICAL_PROBLEM_MODEL,
  type CanonicalProblemDocument,
} from '../../apps/normalization/src/problems/canonical-problem.schema';
import { ProblemCatalog } from '../../apps/normalization/src/problems/problem-catalog';
import {
  PROBLEM_MAPPING_MODEL,
  type ProblemMappingDocument,
} from '../../apps/normalization/src/problems/problem-mapping.schema';

/**
 * The normalizer trusts a cached mapping without reading its problem, so a mapping may be
 * cached only once its canonical problem is written (docs/reliability.md).
 */
describe('normalization catalog writes', () => {
  const { prefix } = isolatedEnv('mapcache');
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService({
      module: NormalizationModule,
      env: { MONGO_DB: `${prefix}_normalization` },
    });
  });

  afterAll(async () => {
    await service.app.get<Connection>(getConnectionToken()).dropDatabase();
    await service.close();
  });

  it('does not cache the mapping of a problem whose write failed', async () => {
    const catalog = service.app.get(ProblemCatalog);
    const normalizer = service.app.get(Normalizer);
    const event = ingestedEvent(1, {
      submissionId: `cache-${prefix}-1`,
      problem: {
        platformProblemId: '1999Z',
        title: 'Cache Before Write',
        difficulty: null,
        rating: 1500,
        tags: ['greedy'],
        url: null,
      },
    });
    const create = jest
      .spyOn(catalog, 'createProblems')
      .mockRejectedValueOnce(new Error('database went away'));
    await expect(normalizer.normalizeBatch([event.payload])).rejects.toThrow('database went away');
    create.mockRestore();
    // The mapping is stored, its problem is not: this replica must not trust it from memory.
    const mappings = service.app.get<Model<ProblemMappingDocument>>(
      getModelToken(PROBLEM_MAPPING_MODEL),
    );
    const stored = await mappings.find({}).lean();
    expect(stored).toHaveLength(1);
    expect(stored[0].platformProblemId).toBe('1999Z');
    expect(await catalog.getMany([stored[0].canonicalProblemId])).toEqual([]);
    expect(catalog.cachedMappings([stored[0]._id]).size).toBe(0);
  });

  it('adds a platform to a canonical problem once, however often the addition is replayed', async () => {
    const catalog = service.app.get(ProblemCatalog);
    const now = new Date();
    const problems = service.app.get<Model<CanonicalProblemDocument>>(
      getModelToken(CANONICAL_PROBLEM_MODEL),
    );
    await problems.collection.insertOne({
      _id: 'canonical-twice',
      normalizedTitle: 'added twice',
      platforms: [
        { platform: 'leetcode', platformProblemId: 'added-twice', url: null, firstSeen: now },
      ],
      topics: ['arrays'],
      normalizedTags: ['array'],
    } as never);
    const addition = {
      canonicalId: 'canonical-twice',
      entry: {
        platform: 'codeforces' as const,
        platformProblemId: '77A',
        url: null,
        firstSeen: now,
      },
      topics: ['greedy'],
      tags: ['greedy'],
      vouchers: [],
    };
    await catalog.addPlatforms([addition]);
    await catalog.addPlatforms([
      { ...addition, entry: { ...addition.entry, firstSeen: new Date() } },
    ]);
    const stored = await catalog.get('canonical-twice');
    expect(stored?.platforms.map((entry) => entry.platform)).toEqual(['leetcode', 'codeforces']);
    expect(stored?.topics.sort()).toEqual(['arrays', 'greedy']);
  });

  it("keeps an unconfirmed problem's vouchers within the bound, however many import it", async () => {
    // FerretDB stores the indexed voucher list in one btree entry: past ~64 user ids the
    // write is refused, and every batch holding the problem would fail with it.
    const catalog = service.app.get(ProblemCatalog);
    const normalizer = service.app.get(Normalizer);
    const users = Array.from({ length: 80 }, () => randomUUID());
    const event = (userId: string, n: number) =>
      ingestedEvent(n, {
        submissionId: `vouch-${prefix}-${n}`,
        userId,
        problem: {
          platformProblemId: '1998V',
          title: 'Vouched By Many',
          difficulty: null,
          rating: 1200,
          tags: ['math'],
          url: null,
        },
      }).payload;
    // One at a time, then 40 distinct importers in one batch.
    for (let i = 0; i < 40; i += 1) await normalizer.normalizeBatch([event(users[i], i)]);
    await normalizer.normalizeBatch(users.slice(40).map((userId, i) => event(userId, 40 + i)));
    const mappings = service.app.get<Model<ProblemMappingDocument>>(
      getModelToken(PROBLEM_MAPPING_MODEL),
    );
    const [mapping] = await mappings.find({ platformProblemId: '1998V' }).lean();
    const stored = await catalog.get(mapping.canonicalProblemId);
    expect(stored?.verified).toBe(false);
    expect(stored?.vouchedBy).toEqual(users.slice(0, 50));
  });
});
