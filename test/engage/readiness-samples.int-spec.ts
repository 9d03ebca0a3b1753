/* eslint-disable @typescript-eslint/no-explicit-any -- stored documents are checked field by field */
import { eventually } from '@prepmate/testing';
import { Engagement } from '../../apps/aggregation/src/engage/engagement';
import { startPipeline, type PipelineSystem } from '../support/pipeline-system';

type Learner = { token: string; userId: string };

const dayMs = 86_400_000;
const localDay = (at: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(at));
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);

/**
 * Readiness samples from the morning reminder check (docs/product.md#readiness): each check
 * keeps the day's sample, with the PCI roadmap answers over RPC, so the first read of
 * GET /me/readiness already has a pace.
 */
describe('readiness samples from the morning check', () => {
  let system: PipelineSystem;
  let carol: Learner;

  const api = (learner: Learner, method: string, path: string, body?: unknown) =>
    system.api(method, path, { token: learner.token, body });
  const importSubmissions = (learner: Learner, submissions: unknown[]) =>
    api(learner, 'POST', '/submissions/import', { platform: 'codeforces', submissions });
  const accepted = (at: number, id: string) => ({
    platformSubmissionId: id,
    problem: { platformProblemId: '1459B', title: 'Move and Turn', rating: 1300, tags: ['dp'] },
    verdict: 'accepted',
    submittedAt: new Date(at).toISOString(),
  });

  beforeAll(async () => {
    system = await startPipeline('samples', {
      env: { aggregation: { AGGREGATION_DEBOUNCE_MS: '300', ENGAGE_CHECK_EVERY_MS: '1000' } },
    });
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
  });

  it('keeps a readiness sample from each morning check (one per day), so the pace needs no reads', async () => {
    carol = await system.register('carol');
    const engagement = system.services.get('aggregation')!.app.get(Engagement);
    // Solved three weeks ago: the revision card's clock starts before the checks below.
    const today = localDay(Date.now(), 'UTC');
    await importSubmissions(carol, [
      accepted(Date.parse(`${today}T12:00:00Z`) - 21 * dayMs, '9200001'),
    ]);
    const profiles = system.db('aggregation').collection('learner_profiles');
    await eventually(
      () => profiles.findOne({ _id: carol.userId as any }),
      (p: any) => p?.countedDays?.length === 1,
      { what: "carol's profile", timeoutMs: 30_000 },
    );
    await api(carol, 'POST', '/roadmaps/interview-core/follow');
    // Her morning checks of 9 days ago (run twice: a retry) and of 2 days ago, at 09:00 UTC.
    const nineDaysAgo = addDays(today, -9);
    const twoDaysAgo = addDays(today, -2);
    await engagement.check(carol.userId, Date.parse(`${nineDaysAgo}T09:00:00Z`));
    await engagement.check(carol.userId, Date.parse(`${nineDaysAgo}T09:30:00Z`));
    await engagement.check(carol.userId, Date.parse(`${twoDaysAgo}T09:00:00Z`));
    const profile: any = await profiles.findOne({ _id: carol.userId as any });
    const samples = profile.readinessHistory.filter((s: any) => s.date < today);
    expect(samples.map((s: any) => s.date)).toEqual([nineDaysAgo, twoDaysAgo]);
    expect(samples.every((s: any) => Number.isInteger(s.score) && s.score >= 0)).toBe(true);

    // The first read finds a pace from the morning samples alone.
    const response = await api(carol, 'GET', '/me/readiness');
    expect(response.status).toBe(200);
    const oldest = samples[0];
    expect(response.body.pacePerDay).toBe(
      Number(((response.body.score - oldest.score) / 9).toFixed(4)),
    );
    expect(response.body.history).toEqual(
      expect.arrayContaining([...samples, { date: today, score: response.body.score }]),
    );
  });
});
