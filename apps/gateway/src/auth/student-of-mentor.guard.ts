import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { AppError } from '@prepmate/platform';
import type { AuthenticatedRequest } from './access.decorators';
import { MentorScope } from './mentor-scope';

/**
 * Routes under `/mentor/students/:id`: the caller must be an accepted mentor of the student
 * `:id` (403 otherwise, also for a student or an admin: these are a mentor's routes). It runs
 * after the global AccessGuard authenticated the caller, and hands the handler a caller
 * scoped to that student (`mentorOf`).
 */
@Injectable()
export class StudentOfMentorGuard implements CanActivate {
  constructor(private readonly scope: MentorScope) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const caller = request.caller;
    if (!caller) throw new AppError('UNAUTHENTICATED', 'authentication required');
    const studentId = request.params.id;
    if (typeof studentId !== 'string' || studentId === '')
      throw new AppError('FORBIDDEN', 'this user is not one of your students');
    request.caller = await this.scope.asMentorOf(caller, studentId);
    return true;
  }
}
