import type { ExecutionContext } from '@nestjs/common';
import { RPC_PATTERNS, type RpcCaller } from '@prepmate/contracts';
import { AppError } from '@prepmate/platform';
import type { Upstream } from '../upstream/upstream.service';
import type { AuthenticatedRequest } from './access.decorators';
import { MentorScope } from './mentor-scope';
import { StudentOfMentorGuard } from './student-of-mentor.guard';

const MENTOR: RpcCaller = { userId: 'mentor-1', role: 'mentor' };
const STUDENT = 'student-1';

/** Auth's answer to `auth.mentor_scope`: accepted links as `mentorId:studentId`. */
function authWith(links: string[]) {
  const calls: Array<{ pattern: string; data: unknown; caller: RpcCaller | null }> = [];
  const upstream = {
    call: (pattern: string, data: { studentId: string }, caller: RpcCaller) => {
      calls.push({ pattern, data, caller });
      return Promise.resolve({ accepted: links.includes(`${caller.userId}:${data.studentId}`) });
    },
  } as unknown as Upstream;
  return { guard: new StudentOfMentorGuard(new MentorScope(upstream)), calls };
}

function contextOf(request: Partial<AuthenticatedRequest>): ExecutionContext {
  return {
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('StudentOfMentorGuard (the mentor scope of /mentor/students/:id)', () => {
  it('lets an accepted mentor through and scopes the caller to that student', async () => {
    const { guard, calls } = authWith([`${MENTOR.userId}:${STUDENT}`]);
    const request: Partial<AuthenticatedRequest> = { caller: MENTOR, params: { id: STUDENT } };
    await expect(guard.canActivate(contextOf(request))).resolves.toBe(true);
    expect(request.caller).toEqual({ ...MENTOR, mentorOf: STUDENT });
    expect(calls).toEqual([
      { pattern: RPC_PATTERNS.authMentorScope, data: { studentId: STUDENT }, caller: MENTOR },
    ]);
  });

  it('refuses a user who is not one of their students (403)', async () => {
    const { guard } = authWith([`${MENTOR.userId}:${STUDENT}`]);
    const request = { caller: MENTOR, params: { id: 'someone-else' } };
    const error = await refusal(guard.canActivate(contextOf(request)));
    expect(error.code).toBe('FORBIDDEN');
    expect(request.caller).toEqual(MENTOR);
  });

  it("refuses another mentor's student and a pending or removed link alike (auth says no)", async () => {
    const { guard } = authWith([`mentor-2:${STUDENT}`]);
    const error = await refusal(
      guard.canActivate(contextOf({ caller: MENTOR, params: { id: STUDENT } })),
    );
    expect(error.code).toBe('FORBIDDEN');
  });

  it("refuses students and admins without asking auth: these are a mentor's routes", async () => {
    const { guard, calls } = authWith([`student-2:${STUDENT}`, `admin-1:${STUDENT}`]);
    for (const caller of [
      { userId: 'student-2', role: 'student' as const },
      { userId: 'admin-1', role: 'admin' as const },
    ]) {
      const error = await refusal(
        guard.canActivate(contextOf({ caller, params: { id: STUDENT } })),
      );
      expect(error.code).toBe('FORBIDDEN');
    }
    expect(calls).toHaveLength(0);
  });

  it('refuses an unauthenticated request (401)', async () => {
    const { guard } = authWith([]);
    const error = await refusal(guard.canActivate(contextOf({ params: { id: STUDENT } })));
    expect(error.code).toBe('UNAUTHENTICATED');
  });
});
