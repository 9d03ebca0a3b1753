/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked field by field */
import { eventually, expectErrorShape } from '@prepmate/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startPipeline, type PipelineSystem } from '../support/pipeline-system';

const codeforcesExport = JSON.parse(
  readFileSync(join(__dirname, '../fixtures/codeforces/user-status-rishgod.json'), 'utf8'),
);

type User = { token: string; userId: string; email: string };

const EMPTY_PAGE = { items: [], nextCursor: null };

/**
 * Mentors through the gateway on the real system (docs/product.md#mentors,
 * docs/security.md#mentor-scope): an admin appoints them, a student invites one, the mentor
 * accepts, and from then on reads that student — and only that student.
 */
describe('mentors and their students', () => {
  let system: PipelineSystem;
  let admin: User;
  let mia: User; // the mentor
  let max: User; // another mentor
  let sam: User; // mia's student
  let olga: User; // a student who is not mia's

  const login = async (email: string) =>
    (
      await system.api('POST', '/auth/login', {
        body: { email, password: 'correct horse battery' },
      })
    ).body.accessToken as string;

  const user = async (name: string): Promise<User> => {
    const registered = await system.register(name);
    return { ...registered, email: `${name}-${system.prefix}@example.com` };
  };

  const appoint = async (who: User) => {
    const promoted = await system.api('PATCH', `/admin/users/${who.userId}`, {
      token: admin.token,
      body: { role: 'mentor' },
    });
    expect(promoted.body).toMatchObject({ role: 'mentor' });
    who.token = await login(who.email);
  };

  beforeAll(async () => {
    system = await startPipeline('mentors', {
      admins: ['ops'],
      env: { aggregation: { AGGREGATION_DEBOUNCE_MS: '300' } },
    });
    admin = await user('ops');
    mia = await user('mia');
    max = await user('max');
    sam = await user('sam');
    olga = await user('olga');
    await appoint(mia);
    await appoint(max);
    const imported = await system.api('POST', '/submissions/import?format=codeforces', {
      token: sam.token,
      body: codeforcesExport,
    });
    expect(imported.status).toBe(202);
    const follow = await system.api('POST', '/roadmaps/interview-core/follow', {
      token: sam.token,
    });
    expect(follow.status).toBe(200);
  });

  afterAll(() => system?.stop());

  const summary = (mentor: User, student: User) =>
    system.api('GET', `/mentor/students/${student.userId}/summary`, { token: mentor.token });

  it('reads nobody before a link: a mentor no longer reads every user', async () => {
    expectErrorShape(
      await system.api('GET', `/users/${sam.userId}`, { token: mia.token }),
      403,
      'FORBIDDEN',
    );
    expectErrorShape(
      await system.api('GET', `/telemetry/topic-stats/${sam.userId}`, { token: mia.token }),
      403,
      'FORBIDDEN',
    );
    expectErrorShape(await summary(mia, sam), 403, 'FORBIDDEN');
    // Admins still read anyone; a student reads no mentor route.
    expect((await system.api('GET', `/users/${sam.userId}`, { token: admin.token })).status).toBe(
      200,
    );
    expectErrorShape(
      await system.api('GET', '/mentor/students', { token: sam.token }),
      403,
      'FORBIDDEN',
    );
  });

  it('lets a student invite an appointed mentor, who accepts', async () => {
    expectErrorShape(
      await system.api('POST', '/me/mentors', { token: sam.token, body: { email: olga.email } }),
      404,
      'NOT_FOUND',
    );
    expectErrorShape(
      await system.api('POST', '/me/mentors', { token: sam.token, body: { email: 'nope' } }),
      400,
      'VALIDATION_FAILED',
    );
    const invited = await system.api('POST', '/me/mentors', {
      token: sam.token,
      body: { email: mia.email.toUpperCase() },
    });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({
      status: 'pending',
      mentor: { id: mia.userId, name: 'mia', email: mia.email },
      respondedAt: null,
    });
    expectErrorShape(
      await system.api('POST', '/me/mentors', { token: sam.token, body: { email: mia.email } }),
      409,
      'CONFLICT',
    );

    const invitations = await system.api('GET', '/mentor/invitations', { token: mia.token });
    expect(invitations.body.nextCursor).toBeNull();
    expect(invitations.body.items).toEqual([
      expect.objectContaining({
        status: 'pending',
        student: expect.objectContaining({ id: sam.userId }),
      }),
    ]);
    expect((await system.api('GET', '/mentor/invitations', { token: max.token })).body).toEqual(
      EMPTY_PAGE,
    );
    expectErrorShape(
      await system.api('POST', `/mentor/invitations/${sam.userId}/accept`, { token: max.token }),
      404,
      'NOT_FOUND',
    );
    expectErrorShape(await summary(mia, sam), 403, 'FORBIDDEN'); // pending grants nothing

    const accepted = await system.api('POST', `/mentor/invitations/${sam.userId}/accept`, {
      token: mia.token,
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      status: 'accepted',
      student: { id: sam.userId, name: 'sam' },
      respondedAt: expect.any(String),
    });
    expectErrorShape(
      await system.api('POST', `/mentor/invitations/${sam.userId}/decline`, { token: mia.token }),
      409,
      'CONFLICT',
    );
    const mine = await system.api('GET', '/me/mentors', { token: sam.token });
    expect(mine.body).toEqual([
      expect.objectContaining({
        status: 'accepted',
        mentor: expect.objectContaining({ id: mia.userId }),
      }),
    ]);
    const students = await system.api('GET', '/mentor/students', { token: mia.token });
    expect(students.body.items.map((s: any) => s.student.id)).toEqual([sam.userId]);
  });

  it("shows the mentor their student's topic stats, weak topics and roadmap PCI", async () => {
    const own = await eventually(
      () => system.api('GET', '/telemetry/topic-stats?limit=100', { token: sam.token }),
      (r) => r.status === 200 && r.body.items.length > 3,
      { what: "sam's topic stats", timeoutMs: 60_000 },
    );
    const pci = await eventually(
      () => system.api('GET', '/roadmaps/pci', { token: sam.token }),
      (r) => r.status === 200 && r.body.items.length === 1,
      { what: "sam's PCI" },
    );
    const weak = await system.api('GET', '/telemetry/weak-topics?limit=5', { token: sam.token });
    const response = await summary(mia, sam);
    expect(response.status).toBe(200);
    expect(response.body.student).toEqual({ id: sam.userId, name: 'sam', email: sam.email });
    expect(response.body.topicStats.map((s: any) => s.topic)).toEqual(
      own.body.items.map((s: any) => s.topic),
    );
    expect(response.body.weakTopics).toEqual(weak.body.items);
    expect(response.body.roadmaps.map((r: any) => r.roadmapId)).toEqual(
      pci.body.items.map((r: any) => r.roadmapId),
    );
    // PCI may still be moving as the import settles: the mentor sees what the student sees.
    await eventually(
      async () => {
        const [mine, theirs] = await Promise.all([
          system.api('GET', '/roadmaps/pci', { token: sam.token }),
          summary(mia, sam),
        ]);
        return [
          mine.body.items.map((r: any) => [r.roadmapId, r.pciScore]),
          theirs.body.roadmaps.map((r: any) => [r.roadmapId, r.pciScore]),
        ];
      },
      ([mine, theirs]) => JSON.stringify(mine) === JSON.stringify(theirs),
      { what: "the mentor's view of the student's PCI to equal the student's" },
    );
    const stats = await system.api('GET', `/telemetry/topic-stats/${sam.userId}?limit=100`, {
      token: mia.token,
    });
    expect(stats.body.items).toEqual(own.body.items);
    expect((await system.api('GET', `/users/${sam.userId}`, { token: mia.token })).status).toBe(
      200,
    );
  });

  it('assigns a task to a student, which the student and the summary show with its mentor', async () => {
    const assigned = await system.api('POST', `/mentor/students/${sam.userId}/tasks`, {
      token: mia.token,
      body: {
        description: 'Push the segment tree exercise',
        verificationSource: 'github',
        verificationRequirements: { repository: 'sam/exercises' },
        estimatedTimeMinutes: 45,
      },
    });
    expect(assigned.status).toBe(201);
    expect(assigned.body).toMatchObject({ status: 'pending', assignedBy: mia.userId });
    const own = await system.api('GET', '/tasks', { token: sam.token });
    expect(own.body.items.map((task: any) => task.id)).toContain(assigned.body.id);
    // What verifies it stays as the mentor set it; the student may reword it.
    const easier = await system.api('PATCH', `/tasks/${assigned.body.id}`, {
      token: sam.token,
      body: {
        version: assigned.body.version,
        verificationRequirements: { repository: 'sam/empty' },
      },
    });
    expectErrorShape(easier, 403, 'FORBIDDEN');
    expect(easier.body.error).toMatchObject({
      reason: 'TASK_ASSIGNED',
      field: 'verificationRequirements',
    });
    const reworded = await system.api('PATCH', `/tasks/${assigned.body.id}`, {
      token: sam.token,
      body: { version: assigned.body.version, description: 'Push the segment tree, with tests' },
    });
    expect(reworded.status).toBe(200);
    expect(reworded.body.verificationRequirements).toEqual({ repository: 'sam/exercises' });
    const streak = await system.api('GET', '/me/streak', { token: sam.token });
    const response = await summary(mia, sam);
    expect(response.status).toBe(200);
    expect(response.body.tasks.map((task: any) => task.id)).toContain(assigned.body.id);
    expect(response.body.streak).toEqual(streak.body);
  });

  it('answers 403 for anyone who is not their student, on every read and on task assignment', async () => {
    expectErrorShape(await summary(mia, olga), 403, 'FORBIDDEN');
    expectErrorShape(await summary(max, sam), 403, 'FORBIDDEN');
    expectErrorShape(
      await system.api('GET', `/users/${olga.userId}`, { token: mia.token }),
      403,
      'FORBIDDEN',
    );
    expectErrorShape(
      await system.api('GET', `/telemetry/topic-stats/${olga.userId}`, { token: mia.token }),
      403,
      'FORBIDDEN',
    );
    const task = { description: 'Solve 1459B', verificationSource: 'codeforces', problemId: 'p1' };
    expectErrorShape(
      await system.api('POST', `/mentor/students/${olga.userId}/tasks`, {
        token: mia.token,
        body: task,
      }),
      403,
      'FORBIDDEN',
    );
    expectErrorShape(
      await system.api('POST', `/mentor/students/${sam.userId}/tasks`, {
        token: mia.token,
        body: { ...task, verificationSource: 'hackerrank' },
      }),
      400,
      'VALIDATION_FAILED',
    );
    // A student reads no other student, even one sharing their mentor.
    expectErrorShape(
      await system.api('GET', `/telemetry/topic-stats/${sam.userId}`, { token: olga.token }),
      403,
      'FORBIDDEN',
    );
  });

  it('lets a mentor decline, and a declined invitation be sent again', async () => {
    await system.api('POST', '/me/mentors', { token: olga.token, body: { email: mia.email } });
    const declined = await system.api('POST', `/mentor/invitations/${olga.userId}/decline`, {
      token: mia.token,
    });
    expect(declined.body).toMatchObject({ status: 'declined' });
    expectErrorShape(await summary(mia, olga), 403, 'FORBIDDEN');
    const again = await system.api('POST', '/me/mentors', {
      token: olga.token,
      body: { email: mia.email },
    });
    expect(again.body).toMatchObject({ status: 'pending', respondedAt: null });
  });

  it('ends the scope at once when the student removes the mentor', async () => {
    const removed = await system.api('DELETE', `/me/mentors/${mia.userId}`, { token: sam.token });
    expect(removed.status).toBe(204);
    expectErrorShape(await summary(mia, sam), 403, 'FORBIDDEN');
    expect((await system.api('GET', '/mentor/students', { token: mia.token })).body).toEqual(
      EMPTY_PAGE,
    );
    expectErrorShape(
      await system.api('DELETE', `/me/mentors/${mia.userId}`, { token: sam.token }),
      404,
      'NOT_FOUND',
    );
  });

  it('exports links on both sides and deletes them with either account', async () => {
    await system.api('POST', '/me/mentors', { token: sam.token, body: { email: mia.email } });
    await system.api('POST', `/mentor/invitations/${sam.userId}/accept`, { token: mia.token });
    const studentSide = await system.api('GET', '/me/export', { token: sam.token });
    expect(studentSide.body.services.auth.mentorLinks).toEqual([
      expect.objectContaining({ role: 'student', mentorId: mia.userId, status: 'accepted' }),
    ]);
    const mentorSide = await system.api('GET', '/me/export', { token: mia.token });
    expect(mentorSide.body.services.auth.mentorLinks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ role: 'mentor', studentId: sam.userId, status: 'accepted' }),
        expect.objectContaining({ role: 'mentor', studentId: olga.userId, status: 'pending' }),
      ]),
    );

    const deleted = await system.api('DELETE', '/me', { token: sam.token });
    expect(deleted.status).toBe(202);
    expect(deleted.body.deleted.auth).toBeGreaterThanOrEqual(2);
    expect((await system.api('GET', '/mentor/students', { token: mia.token })).body).toEqual(
      EMPTY_PAGE,
    );
    // A deleted account cannot be invited back into a link either.
    expectErrorShape(
      await system.api('POST', `/mentor/invitations/${sam.userId}/accept`, { token: mia.token }),
      404,
      'NOT_FOUND',
    );
    // The mentor's own deletion takes the student side with it.
    await system.api('DELETE', '/me', { token: mia.token });
    expect((await system.api('GET', '/me/mentors', { token: olga.token })).body).toEqual([]);
    const links = await system
      .db('auth')
      .collection('mentor_links')
      .countDocuments({ $or: [{ mentorId: mia.userId }, { studentId: sam.userId }] });
    expect(links).toBe(0);
  });
});
