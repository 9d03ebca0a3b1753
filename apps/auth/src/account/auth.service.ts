import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import type {
  AuthTokensResponse,
  LoginRpcData,
  Page,
  RegisterRpcData,
  RpcCaller,
  UpdateMeRpcData,
  UserResponse,
  UserRole,
} from '@prepmate/contracts';
import { createEvent, OutboxRelay } from '@prepmate/messaging';
import { AppError, ROOT_LOGGER } from '@prepmate/platform';
import type { Logger } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import { AuthConfig } from '../auth.config';
import { PasswordHasher } from '../passwords/password-hasher';
import { AccessTokens } from '../tokens/access-tokens';
import { RefreshTokens } from '../tokens/refresh-tokens';
import { toUserResponse } from '../users/user.mapper';
import type { UserDocument } from '../users/user.schema';
import { UsersRepository } from '../users/users.repository';
import { LoginThrottle } from './login-throttle';

const WRONG_CREDENTIALS = () => new AppError('UNAUTHENTICATED', 'email or password is incorrect');

/** Accounts and sessions: registration, login, token refresh, logout, profile, deletion. */
@Injectable()
export class AuthService implements OnModuleInit, OnApplicationBootstrap {
  private readonly log: Logger;

  constructor(
    private readonly users: UsersRepository,
    private readonly passwords: PasswordHasher,
    private readonly accessTokens: AccessTokens,
    private readonly refreshTokens: RefreshTokens,
    private readonly throttle: LoginThrottle,
    private readonly relay: OutboxRelay,
    private readonly config: AuthConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'auth' });
  }

  /** Before the relay's first sweep (on bootstrap), so events left by a crash go out at once. */
  onModuleInit(): void {
    this.relay.register(this.users.model);
  }

  async onApplicationBootstrap(): Promise<void> {
    const promoted = await this.users.promoteAdmins([...this.config.adminEmails]);
    if (promoted > 0) this.log.info({ promoted }, 'promoted ADMIN_EMAILS to admin');
  }

  async register(data: RegisterRpcData): Promise<AuthTokensResponse> {
    const id = uuidv7();
    const role: UserRole = this.config.adminEmails.has(data.email.toLowerCase())
      ? 'admin'
      : 'student';
    const user = {
      _id: id,
      email: data.email,
      emailKey: data.email.toLowerCase(),
      name: data.name,
      passwordHash: await this.passwords.hash(data.password),
      role,
      targetCompanies: [],
      preparationTargetDate: null,
      isActive: true,
      lastLogin: new Date(),
    };
    const event = createEvent(
      'user.registered',
      { userId: id, email: data.email, name: data.name, role },
      'auth',
    );
    if (!(await this.users.insert(user, [event]))) {
      throw new AppError('CONFLICT', 'an account with this email already exists', {
        field: 'email',
      });
    }
    this.relay.relaySoon(this.users.model, [id]);
    this.log.info({ userId: id, role }, 'user registered');
    return this.session((await this.users.findById(id))!);
  }

  async login(data: LoginRpcData): Promise<AuthTokensResponse> {
    await this.throttle.assertAllowed(data.ip, data.email);
    const user = await this.users.findByEmail(data.email);
    if (!(await this.passwords.verifyOrWaste(user?.passwordHash, data.password)) || !user) {
      await this.throttle.recordFailure(data.ip, data.email);
      throw WRONG_CREDENTIALS();
    }
    await this.throttle.reset(data.ip, data.email);
    const role: UserRole = this.config.adminEmails.has(user.emailKey) ? 'admin' : user.role;
    const updated = await this.users.update(user._id, { lastLogin: new Date(), role });
    return this.session(updated ?? user);
  }

  async refresh(refreshToken: string): Promise<AuthTokensResponse> {
    const rotated = await this.refreshTokens.rotate(refreshToken);
    const user = await this.users.findById(rotated.userId);
    if (!user) throw new AppError('UNAUTHENTICATED', 'refresh token is invalid or expired');
    return this.session(user, rotated.refreshToken);
  }

  logout(caller: RpcCaller, refreshToken: string): Promise<void> {
    return this.refreshTokens.revoke(refreshToken, caller.userId);
  }

  async me(caller: RpcCaller): Promise<UserResponse> {
    return toUserResponse(await this.existing(caller.userId));
  }

  async updateMe(caller: RpcCaller, changes: UpdateMeRpcData): Promise<UserResponse> {
    const updated = await this.users.update(caller.userId, changes);
    if (!updated) throw AppError.notFound('user');
    return toUserResponse(updated);
  }

  /** Another user's profile: admins and mentors only (students read only themselves). */
  async getUser(caller: RpcCaller, userId: string): Promise<UserResponse> {
    if (caller.userId !== userId && caller.role === 'student') {
      throw new AppError('FORBIDDEN', 'you may read only your own profile');
    }
    return toUserResponse(await this.existing(userId));
  }

  async listUsers(caller: RpcCaller, limit: number, cursor?: string): Promise<Page<UserResponse>> {
    if (caller.role !== 'admin') throw new AppError('FORBIDDEN', 'admins only');
    const page = await this.users.list(limit, cursor);
    return { items: page.items.map(toUserResponse), nextCursor: page.nextCursor };
  }

  /** Erases the account and queues `user.deleted`, which every service acts on. */
  async deleteAccount(caller: RpcCaller): Promise<{ deleted: number }> {
    const event = createEvent('user.deleted', { userId: caller.userId }, 'auth');
    if (!(await this.users.deactivate(caller.userId, event))) throw AppError.notFound('user');
    const tokens = await this.refreshTokens.deleteForUser(caller.userId);
    this.relay.relaySoon(this.users.model, [caller.userId]);
    this.log.info({ userId: caller.userId }, 'account deleted');
    return { deleted: 1 + tokens };
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
