import { Inject, Injectable } from '@nestjs/common';
import type {
  MentorLinkPerson,
  MentorLinkResponse,
  MentorLinkStatus,
  MentorScopeResponse,
  Page,
  PageRpcData,
  RpcCaller,
} from '@prepmate/contracts';
import {
  AppError,
  decodeKeysetCursor,
  encodeKeysetCursor,
  keysetPage,
  ROOT_LOGGER,
} from '@prepmate/platform';
import type { Logger } from 'pino';
import { AuthConfig } from '../auth.config';
import { answeredStatus, decideInvitation, grantsMentorScope } from '../domain/mentor-links';
import type { UserDocument } from '../users/user.schema';
import { UserStore } from '../users/user.store';
import type { MentorLinkDocument } from './mentor-link.schema';
import { MentorLinkStore } from './mentor-link.store';

const person = (user: UserDocument): MentorLinkPerson => ({
  id: user._id,
  name: user.name,
  email: user.email,
});

/**
 * Mentor links (docs/product.md#mentors): a student invites an appointed mentor by e-mail,
 * the mentor accepts or declines; an accepted link is what lets the mentor read the
 * student's data (docs/security.md#mentor-scope). Links of deleted or locked accounts are
 * not shown and grant nothing.
 */
@Injectable()
export class MentorsService {
  private readonly log: Logger;

  constructor(
    private readonly links: MentorLinkStore,
    private readonly users: UserStore,
    private readonly config: AuthConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'mentors' });
  }

  async invite(caller: RpcCaller, email: string): Promise<MentorLinkResponse> {
    const mentor = await this.users.findByEmail(email);
    const existing = mentor ? await this.links.get(mentor._id, caller.userId) : null;
    const decision = decideInvitation(
      caller.userId,
      mentor && { id: mentor._id, role: mentor.role },
      existing?.status ?? null,
    );
    if (!decision.ok)
      throw new AppError(decision.code, decision.message, { reason: decision.reason });
    const cap = this.config.MENTOR_MAX_PENDING_INVITATIONS;
    if ((await this.links.countPending(mentor!._id, cap)) >= cap) throw this.invitationsFull();
    const expected = existing?.status ?? null;
    if (!(await this.links.invite(mentor!._id, caller.userId, expected)))
      throw AppError.because('INVITATION_CHANGED', 'this invitation changed meanwhile; try again');
    // Invitations sent at once may all have passed the check: one that finds the cap
    // exceeded after its write takes itself back, so the cap holds on any number of replicas.
    if ((await this.links.countPending(mentor!._id, cap + 1)) > cap) {
      await this.takeBack(mentor!._id, caller.userId, expected);
      throw this.invitationsFull();
    }
    // The student's account may have been deleted while this was written: undo it then.
    if (!(await this.users.findById(caller.userId))) {
      await this.links.remove(mentor!._id, caller.userId);
      throw AppError.notFound('user');
    }
    this.log.info({ studentId: caller.userId, mentorId: mentor!._id }, 'mentor invited');
    const link = await this.links.get(mentor!._id, caller.userId);
    return this.view(link!, mentor!, 'mentor');
  }

  /** The student's mentors and invitations, oldest first. */
  async myMentors(caller: RpcCaller): Promise<MentorLinkResponse[]> {
    return this.views(await this.links.ofStudent(caller.userId), 'mentor');
  }

  async remove(caller: RpcCaller, mentorId: string): Promise<void> {
    if (!(await this.links.remove(mentorId, caller.userId)))
      throw new AppError('NOT_FOUND', 'this user is not your mentor nor invited');
    this.log.info({ studentId: caller.userId, mentorId }, 'mentor removed');
  }

  /** Pending invitations of the mentor, oldest first, a page at a time. */
  invitations(caller: RpcCaller, query: PageRpcData): Promise<Page<MentorLinkResponse>> {
    this.requireMentor(caller);
    return this.pageOfMentor(caller.userId, 'pending', query);
  }

  async respond(
    caller: RpcCaller,
    studentId: string,
    accept: boolean,
  ): Promise<MentorLinkResponse> {
    this.requireMentor(caller);
    const link = await this.links.get(caller.userId, studentId);
    const student = await this.users.findById(studentId);
    if (!link || !student) throw new AppError('NOT_FOUND', 'no invitation from this student');
    const status = answeredStatus(link.status, accept);
    if (!status)
      throw AppError.because('INVITATION_ANSWERED', `this invitation was ${link.status} already`);
    if (!(await this.links.answer(caller.userId, studentId, status)))
      throw AppError.because('INVITATION_CHANGED', 'this invitation changed meanwhile');
    this.log.info({ mentorId: caller.userId, studentId, status }, 'mentor invitation answered');
    return this.view((await this.links.get(caller.userId, studentId))!, student, 'student');
  }

  /** The mentor's accepted students, by invitation time, a page at a time. */
  students(caller: RpcCaller, query: PageRpcData): Promise<Page<MentorLinkResponse>> {
    this.requireMentor(caller);
    return this.pageOfMentor(caller.userId, 'accepted', query);
  }

  /** Whether the caller may read this student's data as their mentor (one `_id` lookup). */
  async scope(caller: RpcCaller, studentId: string): Promise<MentorScopeResponse> {
    const link = await this.links.get(caller.userId, studentId);
    return { accepted: grantsMentorScope(caller.role, link?.status ?? null) };
  }

  async exportUser(userId: string) {
    return (await this.links.ofUser(userId)).map((link) => ({
      role: link.studentId === userId ? 'student' : 'mentor',
      mentorId: link.mentorId,
      studentId: link.studentId,
      status: link.status,
      invitedAt: link.invitedAt.toISOString(),
      respondedAt: link.respondedAt?.toISOString() ?? null,
    }));
  }

  deleteUser(userId: string): Promise<number> {
    return this.links.deleteUser(userId);
  }

  /**
   * A page of the mentor's links (keyset cursor: invitation time and id). Links of deleted or
   * locked students are left out, so a page may hold fewer than `limit`; `nextCursor` tells.
   */
  private async pageOfMentor(
    mentorId: string,
    status: MentorLinkStatus,
    { limit, cursor }: PageRpcData,
  ): Promise<Page<MentorLinkResponse>> {
    const after = cursor ? decodeKeysetCursor(cursor, { integer: true }) : undefined;
    if (after === null) throw AppError.validation([{ field: 'cursor', message: 'invalid cursor' }]);
    const docs = await this.links.pageOfMentor(mentorId, status, limit + 1, after);
    const page = keysetPage(docs, limit, (last) =>
      encodeKeysetCursor({ key: new Date(last.invitedAt).getTime(), id: last._id }),
    );
    return { items: await this.views(page.items, 'student'), nextCursor: page.nextCursor };
  }

  /** Undoes this student's invitation write: a new one is removed, a re-sent one declined again. */
  private async takeBack(
    mentorId: string,
    studentId: string,
    expected: MentorLinkStatus | null,
  ): Promise<void> {
    if (expected === null) await this.links.remove(mentorId, studentId);
    else await this.links.answer(mentorId, studentId, expected);
  }

  private invitationsFull(): AppError {
    return AppError.because(
      'MENTOR_INVITATIONS_FULL',
      'this mentor has too many pending invitations; try again later',
    );
  }

  private requireMentor(caller: RpcCaller): void {
    if (caller.role !== 'mentor') throw new AppError('FORBIDDEN', 'mentors only');
  }

  private async views(
    links: MentorLinkDocument[],
    side: 'mentor' | 'student',
  ): Promise<MentorLinkResponse[]> {
    const ids = links.map((link) => (side === 'mentor' ? link.mentorId : link.studentId));
    const users = new Map((await this.users.findActiveByIds(ids)).map((u) => [u._id, u]));
    return links.flatMap((link) => {
      const other = users.get(side === 'mentor' ? link.mentorId : link.studentId);
      return other ? [this.view(link, other, side)] : [];
    });
  }

  private view(
    link: MentorLinkDocument,
    other: UserDocument,
    side: 'mentor' | 'student',
  ): MentorLinkResponse {
    return {
      status: link.status,
      [side]: person(other),
      invitedAt: new Date(link.invitedAt).toISOString(),
      respondedAt: link.respondedAt ? new Date(link.respondedAt).toISOString() : null,
    };
  }
}
