import { Inject, Injectable } from '@nestjs/common';
import type { AdminUserResponse, RpcCaller, UserRole } from '@prepmate/contracts';
import { AccessRevocations, AppError, ROOT_LOGGER } from '@prepmate/platform';
import type { Logger } from 'pino';
import { AuditEventStore } from '../audit/audit-event.store';
import { AuthConfig } from '../auth.config';
import { decideAccessChange, type AccessChange } from '../domain/access-change';
import { RefreshTokenStore } from '../tokens/refresh-token.store';
import { toUserResponse } from '../users/user.mapper';
import { UserStore } from '../users/user.store';

/**
 * Roles and locks, by an admin (`PATCH /admin/users/:id`) or the operator command
 * (`npm run admin -- grant <email> <role>`). Every change is a conditional write on the
 * values read (a concurrent change answers 409), audited, and a lock or demotion refuses
 * the tokens already issued at once. The last active admin cannot be demoted or locked:
 * after the write the active admins are counted, and if none is left the write is undone
 * (two admins demoting each other at once both get 409 and both stay admins).
 */
@Injectable()
export class UserAccessService {
  private readonly log: Logger;

  constructor(
    private readonly users: UserStore,
    private readonly refreshTokens: RefreshTokenStore,
    private readonly revocations: AccessRevocations,
    private readonly audit: AuditEventStore,
    private readonly config: AuthConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'user-access' });
  }

  setAccess(actor: RpcCaller, userId: string, change: AccessChange): Promise<AdminUserResponse> {
    if (change.role === undefined && change.isActive === undefined) {
      throw AppError.validation([{ field: 'role', message: 'give role, isActive or both' }]);
    }
    return this.change(actor, { id: userId }, change);
  }

  grantRole(actor: RpcCaller, email: string, role: UserRole): Promise<AdminUserResponse> {
    return this.change(actor, { email }, { role });
  }

  private async change(
    actor: RpcCaller,
    target: { id: string } | { email: string },
    change: AccessChange,
  ): Promise<AdminUserResponse> {
    const user = await this.users.findManageable(target);
    if (!user) throw AppError.notFound('user');
    const current = { role: user.role, isActive: user.isActive };
    const decision = decideAccessChange(current, change);
    const answer = {
      ...toUserResponse({ ...user, ...decision.next }),
      isActive: decision.next.isActive,
    };
    if (!decision.changed) return answer;
    if (!(await this.users.setAccess(user._id, current, decision.next))) {
      throw AppError.because(
        'ACCOUNT_CHANGED',
        'the account changed meanwhile; read it again and retry',
      );
    }
    if (decision.removesAdmin && (await this.users.countActiveAdmins()) === 0) {
      await this.users.setAccess(user._id, decision.next, current);
      throw AppError.because(
        'LAST_ADMIN',
        'the last active admin cannot be demoted or locked; promote another admin first',
      );
    }
    if (decision.revokesTokens) {
      await this.revocations.revokeTokensOf(user._id, this.config.ACCESS_TOKEN_TTL_SECONDS);
    }
    if (current.isActive && !decision.next.isActive) await this.refreshTokens.revokeAllOf(user._id);
    for (const entry of decision.audit) {
      await this.audit.record({
        type: entry.type,
        actorId: actor.userId,
        subjectId: user._id,
        details: entry.details,
      });
    }
    this.log.info(
      { actorId: actor.userId, userId: user._id, ...decision.next },
      'account access changed',
    );
    return answer;
  }
}
