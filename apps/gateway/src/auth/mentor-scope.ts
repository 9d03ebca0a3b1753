import { Injectable } from '@nestjs/common';
import { RPC_PATTERNS, type RpcCaller } from '@prepmate/contracts';
import { AppError } from '@prepmate/platform';
import { Upstream } from '../upstream/upstream.service';

/**
 * The mentor scope (docs/security.md#mentor-scope): a mentor reads a user's data only when
 * auth confirms an accepted link between them, asked on every request (one `_id` lookup in
 * auth), so a removed link or a demotion takes effect at once. The caller forwarded to the
 * services then names the student (`mentorOf`), and they allow that user only.
 */
@Injectable()
export class MentorScope {
  constructor(private readonly upstream: Upstream) {}

  /** The caller acting as the mentor of `studentId`; 403 unless an accepted mentor of theirs. */
  async asMentorOf(caller: RpcCaller, studentId: string): Promise<RpcCaller> {
    if (caller.role !== 'mentor') throw new AppError('FORBIDDEN', 'mentors only');
    const scope = await this.upstream.call(RPC_PATTERNS.authMentorScope, { studentId }, caller);
    if (!scope.accepted) throw new AppError('FORBIDDEN', 'this user is not one of your students');
    return { ...caller, mentorOf: studentId };
  }

  /**
   * The caller for a read of `userId`'s data: unchanged for oneself and admins (the service
   * decides), scoped for a mentor of theirs, and 403 for anyone else.
   */
  async forReadOf(caller: RpcCaller, userId: string): Promise<RpcCaller> {
    if (userId === caller.userId || caller.role === 'admin') return caller;
    if (caller.role === 'mentor') return this.asMentorOf(caller, userId);
    throw new AppError('FORBIDDEN', 'you may read only your own data');
  }
}
