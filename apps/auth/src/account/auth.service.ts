import { Inject, Injectable } from '@nestjs/common';
import type {
  AuthTokensResponse,
  LoginRpcData,
  Page,
  RegisterRpcData,
  RpcCaller,
  UpdateMeRpcData,
  UserResponse,
} from '@prepmate/contracts';
import { createEvent, deleteUserData } from '@prepmate/messaging';
import { AccessRevocations, AppError, ROOT_LOGGER } from '@prepmate/platform';
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import { AuditEventStore } from '../audit/audit-event.store';
import { MentorsService } from '../mentors/mentors.service';
import { PasswordHasher } from '../passwords/password-hasher';
import { AccessTokens } from '../tokens/access-tokens';
import { AuthUserData } from '../auth-user-data';
import { RefreshTokenStore } from '../tokens/refresh-token.store';
import { toUserResponse } from '../users/user.mapper';
import type { UserDocument } from '../users/user.schema';
import { profileChanges, UserStore } from '../users/user.store';
import { LoginThrottle } from './login-throttle';

const WRONG_CREDENTIALS = () => new AppError('UNAUTHENTICATED', 'email or password is incorrect');
const INVALID_REFRESH = () =>
  new AppError('UNAUTHENTICATED', 'refresh token is invalid or expired');

/**
 * Accounts and sessions: registration, login, token refresh, logout, profile, deletion.
 * Every account starts as a student: roles are granted only by an admin or the operator
 * command (`user-access.service.ts`), never at registration.
 */
@Injectable()
export class AuthService {
  private readonly log: Logger;

  constructor(
    private readonly users: UserStore,
    private readonly passwords: PasswordHasher,
    private readonly accessTokens: AccessTokens,
    private readonly refreshTokens: RefreshTokenStore,
    private readonly throttle: LoginThrottle,
    private readonly revocations: AccessRevocations,
    private readonly audit: AuditEventStore,
    private readonly mentors: MentorsService,
    private readonly userData: AuthUserData,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'auth' });
  }

  async register(data: RegisterRpcData): Promise<AuthTokensResponse> {
    const id = uuidv7();
    const user = {
      _id: id,
      email: data.email,
      emailKey: data.email.toLowerCase(),
      name: data.name,
      passwordHash: await this.passwords.hash(data.password),
      role: 'student' as const,
      targetCompanies: [],
      preparationTargetDate: null,
      timeZone: 'UTC',
      isActive: true,
      deletedAt: null,
      lastLogin: new Date(),
    };
    const event = createEvent(
      'user.registered',
      { userId: id, email: data.email, name: data.name, role: user.role },
      'auth',
    );
    if (!(await this.users.insert(user, [event]))) {
      throw AppError.because('EMAIL_TAKEN', 'an account with this email already exists', {
        field: 'email',
      });
    }
    this.users.relaySoon([id]);
    this.log.info({ userId: id }, 'user registered');
    return this.session((await this.users.findById(id))!);
  }

  /**
   * The attempt is counted before the password is checked (so parallel guesses cannot all
   * pass the limit); a success clears the count. Both outcomes are audited.
   */
  async login(data: LoginRpcData): Promise<AuthTokensResponse> {
    await this.throttle.attempt(data.ip, data.email);
    const user = await this.users.findByEmail(data.email);
    if (!(await this.passwords.verifyOrWaste(user?.passwordHash, data.password)) || !user) {
      await this.audit.record({
        type: 'login.failed',
        subjectId: user?._id ?? null,
        client: data.ip,
        details: user ? {} : { emailHash: emailHash(data.email) },
      });
      throw WRONG_CREDENTIALS();
    }
    await this.throttle.reset(data.ip, data.email);
    await this.users.touchLogin(user._id);
    await this.audit.record({
      type: 'login.succeeded',
      actorId: user._id,
      subjectId: user._id,
      client: data.ip,
    });
    return this.session(user);
  }

  async refresh(refreshToken: string): Promise<AuthTokensResponse> {
    const rotated = await this.refreshTokens.rotate(refreshToken);
    if (!rotated.ok) {
      if (rotated.reuse) {
        this.log.warn(rotated.reuse, 'refresh token reused: family revoked');
        await this.audit.record({
          type: 'refresh.reuse_detected',
          subjectId: rotated.reuse.userId,
          details: { familyId: rotated.reuse.familyId },
        });
      }
      throw INVALID_REFRESH();
    }
    const user = await this.users.findById(rotated.userId);
    if (!user) throw INVALID_REFRESH();
    return this.session(user, rotated.refreshToken);
  }

  logout(caller: RpcCaller, refreshToken: string): Promise<void> {
    return this.refreshTokens.revoke(refreshToken, caller.userId);
  }

  async me(caller: RpcCaller): Promise<UserResponse> {
    return toUserResponse(await this.existing(caller.userId));
  }

  /**
   * Only the profile fields, picked by name: a role or flag in the data never reaches `$set`.
   * Every change announces `user.profile_updated` (outbox, same write).
   */
  async updateMe(caller: RpcCaller, data: UpdateMeRpcData): Promise<UserResponse> {
    const updated = await this.users.updateProfile(
      caller.userId,
      profileChanges(data),
      (profile, profileVersion) =>
        createEvent(
          'user.profile_updated',
          {
            userId: caller.userId,
            timeZone: profile.timeZone ?? 'UTC',
            preparationTargetDate: profile.preparationTargetDate ?? null,
            profileVersion,
          },
          'auth',
        ),
    );
    if (!updated) throw AppError.notFound('user');
    this.users.relaySoon([caller.userId]);
    return toUserResponse(updated);
  }

  /**
   * Another user's profile: admins, and a mentor for their own accepted students
   * (docs/security.md#mentor-scope); everyone else reads only themselves.
   */
  async getUser(caller: RpcCaller, userId: string): Promise<UserResponse> {
    if (caller.userId !== userId && caller.role !== 'admin') {
      if (!(await this.mentors.scope(caller, userId)).accepted)
        throw new AppError('FORBIDDEN', 'you may read only your own profile and your students');
    }
    return toUserResponse(await this.existing(userId));
  }

  async listUsers(caller: RpcCaller, limit: number, cursor?: string): Promise<Page<UserResponse>> {
    if (caller.role !== 'admin') throw new AppError('FORBIDDEN', 'admins only');
    const page = await this.users.list(limit, cursor);
    return { items: page.items.map(toUserResponse), nextCursor: page.nextCursor };
  }

  /**
   * Erases the account and queues `user.deleted`, which every service acts on; the user's
   * access tokens are refused from now on (the deny-list) and their refresh tokens deleted.
   * Their audit entries stay, without client addresses (docs/security.md); their
   * notifications and notification settings are deleted after the account is marked deleted,
   * so a notification written meanwhile is erased by its writer's recheck.
   */
  async deleteAccount(caller: RpcCaller): Promise<{ deleted: number }> {
    const event = createEvent('user.deleted', { userId: caller.userId }, 'auth');
    if (!(await this.users.deactivate(caller.userId, event))) throw AppError.notFound('user');
    await this.revocations.revokeTokensOf(caller.userId, this.accessTokens.ttlSeconds);
    const tokens = await this.refreshTokens.deleteForUser(caller.userId);
    // Mentor links on both sides, notifications and settings: the contributors' part.
    const own = await deleteUserData(this.userData.contributors, caller.userId);
    this.users.relaySoon([caller.userId]);
    await this.audit.record({
      type: 'account.deleted',
      actorId: caller.userId,
      subjectId: caller.userId,
    });
    await this.audit.forgetClient(caller.userId);
    this.log.info({ userId: caller.userId }, 'account deleted');
    return { deleted: 1 + tokens + own };
  }

  private async existing(userId: string): Promise<UserDocument> {
    const user = await this.users.findById(userId);
    if (!user) throw AppError.notFound('user');
    return user;
  }

  /** Tokens for the user: the given refresh token (a rotation), or a new family (a login). */
  private async session(user: UserDocument, refreshToken?: string): Promise<AuthTokensResponse> {
    return {
      user: toUserResponse(user),
      accessToken: await this.accessTokens.issue(user._id, user.role),
      refreshToken: refreshToken ?? (await this.refreshTokens.startFamily(user._id)),
      expiresIn: this.accessTokens.ttlSeconds,
    };
  }
}

/** A failed login for an unknown email is recorded by the email's hash, not the address. */
function emailHash(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('base64url');
}
