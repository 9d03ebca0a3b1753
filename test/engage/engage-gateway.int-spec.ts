/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked field by field */
import { EventPublisher, createEvent } from '@prepmate/messaging';
import { eventually, tapEvents, type EventTap, expectErrorShape } from '@prepmate/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ReminderChecks } from '../../apps/aggregation/src/engage/reminder-checks';
import {
  AggregationQueue,
  ENGAGE_CHECK_JOB,
} from '../../apps/aggregation/src/jobs/aggregation-queue';
import { PendingSweep } from '../../apps/aggregation/src/jobs/pending-sweep';
import { startPipeline, type PipelineSystem } from '../support/pipeline-system';

const codeforcesExport = JSON.parse(
  readFileSync(join(__dirname, '../fixtures/codeforces/user-status-rishgod.json'), 'utf8'),
);

type Learner = { token: string; userId: string };

/** Two distinct Codeforces problems of the fixture, as PrepMate-format import records. */
const problems = (() => {
  const seen = new Map<string, any>();
  for (const submission of codeforcesExport.result) {
    const id = `${submission.problem.contestId}${submission.problem.index}`;
    if (!seen.has(id)) seen.set(id, submission.problem);
  }
  return [...seen.entries()].slice(0, 3).map(([platformProblemId, problem]) => ({
    platformProblemId,
    title: problem.name,
    rating: problem.rating ?? null,
    tags: problem.tags,
  }));
})();

function accepted(problem: (typeof problems)[number], at: number, id: string) {
  return {
    platformSubmissionId: id,
    problem,
    verdict: 'accepted',
    submittedAt: new Date(at).toISOString(),
  };
}

/** The outbox delivers at least once: a duplicate keeps its event id (consumers skip it). */
const distinct = <T extends { eventId: string }>(events: T[]): T[] => [
  ...new Map(events.map((event) => [event.eventId, event])).values(),
];

const localDay = (at: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(at));
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Goals, streak and readiness through the gateway with the real services, broker, database
 * and Redis: the learner's time zone travels from auth (`user.profile_updated`), an import
 * moves a goal and counts today, a verified task (published here: its producer lives on
 * another branch) adds minutes, the reminder checks publish `streak.at_risk`.
 */
describe('goals, streak and readiness through the gateway', () => {
  let system: PipelineSystem;
  let tap: EventTap;
  let ada: Learner;
  let bob: Learner;

  const api = (learner: Learner, method: string, path: string, body?: unknown) =>
    system.api(method, path, { token: learner.token, body });
  const importSubmissions = (learner: Learner, submissions: unknown[]) =>
    api(learner, 'POST', '/submissions/import', { platform: 'codeforces', submissions });

  beforeAll(async () => {
    system = await startPipeline('engage', {
      env: { aggregation: { AGGREGATION_DEBOUNCE_MS: '300', ENGAGE_CHECK_EVERY_MS: '1000' } },
    });
    tap = await tapEvents(system.exchange, [
      'user.profile_updated',
      'goal.reached',
      'goal.at_risk',
      'streak.at_risk',
      'revisions.due',
    ]);
    ada = await system.register('ada');
    bob = await system.register('bob');
  }, 120_000);

  afterAll(async () => {
    await tap?.close();
    await system?.stop();
  });

  it('projects the time zone and target date auth announces on PATCH /me', async () => {
    const first = await api(ada, 'PATCH', '/auth/me', { timeZone: 'America/New_York' });
    expect(first.status).toBe(200);
    const second = await api(ada, 'PATCH', '/auth/me', {
      timeZone: 'Asia/Tokyo',
      preparationTargetDate: '2027-06-01',
    });
    expect(second.body).toMatchObject({
      timeZone: 'Asia/Tokyo',
      preparationTargetDate: '2027-06-01',
    });
    const announced = await eventually(
      () => distinct(tap.of('user.profile_updated').filter((e) => e.payload.userId === ada.userId)),
      (events) => events.length === 2,
      { what: 'two user.profile_updated' },
    );
    expect(announced.map((e) => e.payload.profileVersion).sort()).toEqual([1, 2]);
    expect(announced.find((e) => e.payload.profileVersion === 2)!.payload).toEqual({
      userId: ada.userId,
      timeZone: 'Asia/Tokyo',
      preparationTargetDate: '2027-06-01',
      profileVersion: 2,
    });
    const streak = await eventually(
      () => api(ada, 'GET', '/me/streak'),
      (r) => r.body?.timeZone === 'Asia/Tokyo',
      { what: 'the projected time zone' },
    );
    expect(streak.body).toMatchObject({
      current: 0,
      longest: 0,
      freezesLeft: 2,
      todayCounted: false,
      today: localDay(Date.now(), 'Asia/Tokyo'),
    });
    expect(streak.body.recentDays).toHaveLength(14);

    // A late redelivery of version 1 changes nothing (the high-water mark).
    const stale = announced.find((e) => e.payload.profileVersion === 1)!;
    await system.services
      .get('auth')!
      .app.get(EventPublisher)
      .publish(createEvent('user.profile_updated', stale.payload, 'auth'));
    const profiles = system.db('aggregation').collection('learner_profiles');
    await eventually(
      () => profiles.findOne({ _id: ada.userId as any }),
      (doc: any) => doc?.profileVersion === 2,
      { what: 'version 2 stored' },
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await profiles.findOne({ _id: ada.userId as any })).toMatchObject({
      timeZone: 'Asia/Tokyo',
      profileVersion: 2,
    });
  });

  it('refuses invalid goals with the one error shape, and changes nothing', async () => {
    for (const body of [
      { kind: 'problems', target: 1.5 },
      { kind: 'problems', target: 0 },
      { kind: 'problems', target: 3, topic: 'graphs' },
      { kind: 'topic_mastery', target: 0.8 },
      { kind: 'topic_mastery', target: 2, topic: 'graphs' },
      { kind: 'topic_mastery', target: 0.8, topic: 'basket-weaving' },
      { kind: 'streaks', target: 3 },
    ])
      expectErrorShape(await api(ada, 'POST', '/me/goals', body), 400, 'VALIDATION_FAILED');
    expect((await api(ada, 'GET', '/me/goals')).body.items).toEqual([]);
    expectErrorShape(
      await api(ada, 'PATCH', '/me/goals/0190b5a6-0000-7000-8000-000000000000', { target: 3 }),
      404,
      'NOT_FOUND',
    );
  });

  it('counts an import for this week’s problems goal, publishes goal.reached once, and counts today', async () => {
    const created = await api(ada, 'POST', '/me/goals', { kind: 'problems', target: 2 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'problems',
      target: 2,
      progress: 0,
      reached: false,
    });
    const mastery = await api(ada, 'POST', '/me/goals', {
      kind: 'topic_mastery',
      target: 0.95,
      topic: 'dynamic-programming',
    });
    expect(mastery.status).toBe(201);

    const now = Date.now();
    const imported = await importSubmissions(ada, [
      accepted(problems[0], now - 60_000, '9000001'),
      accepted(problems[1], now - 30_000, '9000002'),
      // the same problem again: one distinct problem
      accepted(problems[1], now - 20_000, '9000003'),
    ]);
    expect(imported.status).toBe(202);

    const goals = await eventually(
      () => api(ada, 'GET', '/me/goals'),
      (r) => r.body?.items?.find((g: any) => g.kind === 'problems')?.progress === 2,
      { what: 'the problems goal at 2', timeoutMs: 30_000 },
    );
    const today = localDay(Date.now(), 'Asia/Tokyo');
    expect(goals.body).toMatchObject({ timeZone: 'Asia/Tokyo', today });
    const problemsGoal = goals.body.items.find((g: any) => g.kind === 'problems');
    expect(problemsGoal).toMatchObject({ target: 2, reached: true, atRisk: false });
    expect(problemsGoal.weekStart <= today && today <= problemsGoal.weekEnd).toBe(true);
    const masteryGoal = goals.body.items.find((g: any) => g.kind === 'topic_mastery');
    expect(masteryGoal.progress).toBeGreaterThan(0);
    expect(masteryGoal.reached).toBe(false);

    const reached = await eventually(
      () => distinct(tap.of('goal.reached').filter((e) => e.payload.userId === ada.userId)),
      (events) => events.length === 1,
      { what: 'goal.reached' },
    );
    expect(reached[0].payload).toEqual({
      userId: ada.userId,
      goalId: created.body.id,
      kind: 'problems',
      topic: null,
      target: 2,
      progress: 2,
      weekStart: problemsGoal.weekStart,
    });

    const streak = await api(ada, 'GET', '/me/streak');
    expect(streak.body).toMatchObject({ current: 1, longest: 1, todayCounted: true, today });
    expect(streak.body.recentDays.at(-1)).toEqual({ date: today, status: 'counted' });

    // One more accepted submission this week: the goal was reached already, no second event.
    await importSubmissions(ada, [accepted(problems[2], Date.now() - 10_000, '9000004')]);
    await eventually(
      () => api(ada, 'GET', '/me/goals'),
      (r) => r.body?.items?.find((g: any) => g.kind === 'problems')?.progress === 3,
      { what: 'the problems goal at 3', timeoutMs: 30_000 },
    );
    expect(
      distinct(tap.of('goal.reached').filter((e) => e.payload.userId === ada.userId)),
    ).toHaveLength(1);
  });

  it('adds a verified task’s minutes to a minutes goal, once per task', async () => {
    const goal = await api(ada, 'POST', '/me/goals', { kind: 'minutes', target: 45 });
    expect(goal.status).toBe(201);
    const publisher = system.services.get('aggregation')!.app.get(EventPublisher);
    const completed = (taskId: string, minutes: number) =>
      publisher.publish(
        createEvent(
          'task.completed',
          {
            taskId,
            userId: ada.userId,
            topic: null,
            problemId: null,
            verificationSource: 'codeforces',
            assignedBy: null,
            estimatedTimeMinutes: minutes,
            evidence: {
              kind: 'submission',
              ref: 'codeforces:9000001',
              at: new Date().toISOString(),
            },
            startedAt: new Date(Date.now() - 3_600_000).toISOString(),
            completedAt: new Date().toISOString(),
          },
          'roadmap',
        ),
      );
    await completed('task-1', 30);
    await completed('task-1', 30); // a redelivery of the same task
    const minutesOf = async () =>
      (await api(ada, 'GET', '/me/goals')).body.items.find((g: any) => g.kind === 'minutes');
    expect(
      await eventually(minutesOf, (g) => g.progress === 30, { what: '30 minutes' }),
    ).toMatchObject({
      reached: false,
    });
    await completed('task-2', 15);
    expect(
      await eventually(minutesOf, (g) => g.progress === 45, { what: '45 minutes' }),
    ).toMatchObject({
      reached: true,
    });
    await eventually(
      () => distinct(tap.of('goal.reached').filter((e) => e.payload.goalId === goal.body.id)),
      (events) => events.length === 1,
      { what: 'goal.reached of the minutes goal' },
    );

    const changed = await api(ada, 'PATCH', `/me/goals/${goal.body.id}`, { target: 60 });
    expect(changed.body).toMatchObject({ target: 60, progress: 45, reached: false });
    expectErrorShape(
      await api(ada, 'PATCH', `/me/goals/${goal.body.id}`, { target: 0.5 }),
      400,
      'VALIDATION_FAILED',
    );
    expect((await api(ada, 'DELETE', `/me/goals/${goal.body.id}`)).body).toEqual({ deleted: 1 });
    expect((await api(ada, 'GET', '/me/goals')).body.items).toHaveLength(2);
  });

  it('answers readiness with every input, by the formula in docs/product.md', async () => {
    await api(ada, 'POST', '/roadmaps/interview-core/follow');
    const pci = await eventually(
      () => api(ada, 'GET', '/roadmaps/pci'),
      (r) => r.body?.items?.some((item: any) => item.roadmapId === 'interview-core'),
      { what: 'interview-core followed' },
    );
    const response = await api(ada, 'GET', '/me/readiness');
    expect(response.status).toBe(200);
    const body = response.body;
    const roadmaps = pci.body.items.map((item: any) => ({
      roadmapId: item.roadmapId,
      pciScore: item.pciScore,
    }));
    expect(body.inputs.roadmaps).toEqual(roadmaps);
    expect(body.inputs.cards).toBe(3);
    expect(body.inputs.dueCards).toBe(0);
    expect(body.inputs.revisionHealth).toBe(1);
    expect(body.inputs.retention).toBeGreaterThan(0.9);
    const meanPci = roadmaps.reduce((sum: number, r: any) => sum + r.pciScore, 0) / roadmaps.length;
    expect(body.inputs.pci).toBeCloseTo(meanPci, 4);
    expect(body.score).toBe(
      Math.round(100 * (0.6 * body.inputs.pci + 0.25 * body.inputs.retention + 0.15 * 1)),
    );
    const today = localDay(Date.now(), 'Asia/Tokyo');
    expect(body).toMatchObject({
      targetDate: '2027-06-01',
      readyScore: 80,
      pacePerDay: null,
      today,
    });
    // Today's sample is this read's (a morning check's sample of the day, if any, replaced);
    // a morning check in the earlier New York zone may have kept yesterday's.
    expect(body.history.filter((s: any) => s.date === today)).toEqual([
      { date: today, score: body.score },
    ]);
    expect(body.history.every((s: any) => s.date >= addDays(today, -1))).toBe(true);
  });

  it('publishes streak.at_risk at 20:00 local when the streak runs and today has not counted', async () => {
    // Bob stays on UTC; his accepted submission is from yesterday noon.
    const today = localDay(Date.now(), 'UTC');
    const yesterdayNoon = Date.parse(`${today}T12:00:00Z`) - 86_400_000;
    await importSubmissions(bob, [
      accepted(problems[0], yesterdayNoon, '9100001'),
      // solved 10 days ago: its revision card is due by now
      accepted(problems[1], yesterdayNoon - 9 * 86_400_000, '9100002'),
    ]);
    await eventually(
      () => api(bob, 'GET', '/me/streak'),
      (r) => r.body?.current === 1,
      { what: "bob's streak of 1", timeoutMs: 30_000 },
    );
    expect((await api(bob, 'GET', '/me/streak')).body).toMatchObject({
      todayCounted: false,
      today,
    });
    // The scheduler checks every second; its clock is real, so the test runs the same check
    // at 20:30 UTC today (or now, when later) to reach the evening one.
    const evening = Math.max(Date.now(), Date.parse(`${today}T20:30:00Z`));
    await system.services.get('aggregation')!.app.get(ReminderChecks).runDue(evening);
    const atRisk = await eventually(
      () => distinct(tap.of('streak.at_risk').filter((e) => e.payload.userId === bob.userId)),
      (events) => events.length >= 1,
      { what: 'streak.at_risk for bob' },
    );
    expect(atRisk[0].payload).toEqual({ userId: bob.userId, currentStreak: 1, localDate: today });
    await system.services
      .get('aggregation')!
      .app.get(ReminderChecks)
      .runDue(evening + 60_000);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(
      distinct(tap.of('streak.at_risk').filter((e) => e.payload.userId === bob.userId)),
    ).toHaveLength(1);
    const profile: any = await system
      .db('aggregation')
      .collection('learner_profiles')
      .findOne({ _id: bob.userId as any });
    expect(profile.lastEveningCheck).toBe(today);
    expect(profile.nextCheckAt.getTime()).toBeGreaterThan(evening);
  });

  it('publishes goal.at_risk by the pace rule and revisions.due from the morning check', async () => {
    const goal = await api(bob, 'POST', '/me/goals', { kind: 'problems', target: 10 });
    expect(goal.status).toBe(201);
    // The next morning check that judges the pace: from Wednesday, in this week (or the
    // next week's Wednesday when today is Sunday), at 09:00 UTC.
    const today = localDay(Date.now(), 'UTC');
    const dayMs = (date: string) => Date.parse(`${date}T00:00:00Z`);
    const weekday = (new Date(dayMs(today)).getUTCDay() + 6) % 7;
    const monday = dayMs(today) - weekday * 86_400_000;
    const checkDay =
      weekday === 6
        ? monday + 9 * 86_400_000
        : Math.max(dayMs(today) + 86_400_000, monday + 2 * 86_400_000);
    const weekStart = new Date(weekday === 6 ? monday + 7 * 86_400_000 : monday)
      .toISOString()
      .slice(0, 10);
    await system.services
      .get('aggregation')!
      .app.get(ReminderChecks)
      .runDue(checkDay + 9 * 3_600_000);
    const atRisk = await eventually(
      () => distinct(tap.of('goal.at_risk').filter((e) => e.payload.userId === bob.userId)),
      (events) => events.length === 1,
      { what: 'goal.at_risk for bob' },
    );
    expect(atRisk[0].payload).toMatchObject({
      goalId: goal.body.id,
      kind: 'problems',
      target: 10,
      weekStart,
    });
    expect(atRisk[0].payload.progress).toBeLessThan(2);
    const due = tap.of('revisions.due').filter((e) => e.payload.userId === bob.userId);
    expect(due.length).toBeGreaterThanOrEqual(1);
    expect(due[0].payload.dueCount).toBeGreaterThanOrEqual(1);
    expect(due[0].payload.topics.length).toBeGreaterThan(0);
    // The same check kept that day's readiness sample, without any GET /me/readiness.
    const checkDate = new Date(checkDay).toISOString().slice(0, 10);
    const profile: any = await system
      .db('aggregation')
      .collection('learner_profiles')
      .findOne({ _id: bob.userId as any });
    expect(profile.readinessHistory).toContainEqual({ date: checkDate, score: expect.any(Number) });
  });

  it('gets the reminder scheduler back after losing it (as after a Redis flush)', async () => {
    const app = system.services.get('aggregation')!.app;
    const queue = app.get(AggregationQueue).queue;
    expect(await queue.getJobScheduler(ENGAGE_CHECK_JOB)).toMatchObject({ every: 1000 });
    await queue.removeJobScheduler(ENGAGE_CHECK_JOB);
    expect(await queue.getJobScheduler(ENGAGE_CHECK_JOB)).toBeUndefined();
    await app.get(PendingSweep).sweep();
    expect(await queue.getJobScheduler(ENGAGE_CHECK_JOB)).toMatchObject({ every: 1000 });
  });

  it('exports the learner profile and deletes it with the account', async () => {
    const exported = await api(ada, 'GET', '/me/export');
    const profile = exported.body.services.aggregation.learnerProfile;
    expect(profile).toMatchObject({ timeZone: 'Asia/Tokyo', preparationTargetDate: '2027-06-01' });
    expect(profile.goals.map((g: any) => g.kind).sort()).toEqual(['problems', 'topic_mastery']);
    expect(profile.countedDays).toContain(localDay(Date.now(), 'Asia/Tokyo'));

    expect((await api(ada, 'DELETE', '/me')).status).toBe(202);
    const profiles = system.db('aggregation').collection('learner_profiles');
    await eventually(
      () => profiles.findOne({ _id: ada.userId as any }),
      (doc) => doc === null,
      { what: "ada's learner profile deleted" },
    );
  });
});
