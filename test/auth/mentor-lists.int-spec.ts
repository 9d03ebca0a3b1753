/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked field by field */
import { expectErrorShape } from '@prepmate/testing';
import { startPipeline, type PipelineSystem } from '../support/pipeline-system';

type User = { token: string; userId: string; email: string };

/** MENTOR_MAX_PENDING_INVITATIONS here (200 by default). */
const MAX_PENDING = 5;

/**
 * A mentor's lists stay bounded (docs/product.md#mentors): pending invitations are capped per
 * mentor, and both lists are read a page at a time by a keyset cursor. The flow of links
 * itself is in mentors.int-spec.ts.
 */
describe("a mentor's invitations and students, capped and paged", () => {
  let system: PipelineSystem;
  let admin: User;
  let max: User; // the mentor
  let pupils: User[] = [];

  const user = async (name: string): Promise<User> => {
    const registered = await system.register(name);
    return { ...registered, email: `${name}-${system.prefix}@example.com` };
  };

  beforeAll(async () => {
    system = await startPipeline('mentorlists', {
      admins: ['ops'],
      skip: ['normalization', 'aggregation', 'roadmap', 'synergy', 'advisory'],
      env: { auth: { MENTOR_MAX_PENDING_INVITATIONS: String(MAX_PENDING) } },
    });
    admin = await user('ops');
    max = await appointed('max');
  });

  const appointed = async (name: string): Promise<User> => {
    const mentor = await user(name);
    const promoted = await system.api('PATCH', `/admin/users/${mentor.userId}`, {
      token: admin.token,
      body: { role: 'mentor' },
    });
    expect(promoted.body).toMatchObject({ role: 'mentor' });
    const login = await system.api('POST', '/auth/login', {
      body: { email: mentor.email, password: 'correct horse battery' },
    });
    return { ...mentor, token: login.body.accessToken };
  };

  afterAll(() => system?.stop());

  it('caps the pending invitations of a mentor (409), and pages both of their lists by a cursor', async () => {
    const students: User[] = [];
    for (let i = 0; i <= MAX_PENDING; i += 1) students.push(await user(`pupil${i}`));
    pupils = students;
    const invite = (student: User) =>
      system.api('POST', '/me/mentors', { token: student.token, body: { email: max.email } });
    for (const student of students.slice(0, MAX_PENDING))
      expect((await invite(student)).status).toBe(201);
    const over = await invite(students[MAX_PENDING]);
    expectErrorShape(over, 409, 'CONFLICT');
    expect(over.body.error.reason).toBe('MENTOR_INVITATIONS_FULL');
    expect(
      (await system.api('GET', '/me/mentors', { token: students[MAX_PENDING].token })).body,
    ).toEqual([]);

    const readAll = async (path: string) => {
      const pages: string[][] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
        const page = await system.api('GET', `${path}${query}`, { token: max.token });
        expect(page.status).toBe(200);
        pages.push(page.body.items.map((link: any) => link.student.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      return pages;
    };
    const ids = students.map((s) => s.userId);
    expect(await readAll('/mentor/invitations')).toEqual([
      ids.slice(0, 2),
      ids.slice(2, 4),
      [ids[4]],
    ]);
    expectErrorShape(
      await system.api('GET', '/mentor/invitations?cursor=not-a-cursor', { token: max.token }),
      400,
      'VALIDATION_FAILED',
    );

    for (const id of ids.slice(0, 3))
      await system.api('POST', `/mentor/invitations/${id}/accept`, { token: max.token });
    expect(await readAll('/mentor/students')).toEqual([ids.slice(0, 2), [ids[2]]]);
    expect(await readAll('/mentor/invitations')).toEqual([ids.slice(3, 5)]);
    // Answered invitations make room again.
    expect((await invite(students[MAX_PENDING])).status).toBe(201);
  });

  it('holds the cap when invitations arrive at the same moment', async () => {
    const kim = await appointed('kim');
    const more = [await user('late0'), await user('late1')];
    const answers = await Promise.all(
      [...pupils, ...more].map((student) =>
        system.api('POST', '/me/mentors', { token: student.token, body: { email: kim.email } }),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201).length).toBeLessThanOrEqual(MAX_PENDING);
    for (const answer of answers.filter((a) => a.status !== 201))
      expect(answer.body.error.reason).toMatch(/^(MENTOR_INVITATIONS_FULL|INVITATION_CHANGED)$/);
    const pending = await system
      .db('auth')
      .collection('mentor_links')
      .countDocuments({ mentorId: kim.userId, status: 'pending' });
    expect(pending).toBe(statuses.filter((status) => status === 201).length);
    expect(pending).toBeLessThanOrEqual(MAX_PENDING);
  });
});
