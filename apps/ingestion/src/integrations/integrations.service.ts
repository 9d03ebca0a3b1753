import { Inject, Injectable } from '@nestjs/common';
import {
  type IntegrationResponse,
  type LinkIntegrationRpcData,
  type Platform,
  type RpcCaller,
  SESSION_COOKIE_PATTERN,
} from '@prepmate/contracts';
import { AppError, ROOT_LOGGER } from '@prepmate/platform';
import { UserTombstones } from '@prepmate/messaging';
import type { Logger } from 'pino';
import { IngestionConfig } from '../ingestion.config';
import { SyncStateStore } from '../sync/sync-state.store';
import type { IntegrationDocument } from './integration.schema';
import { integrationSecretBox } from './integration-key';
import { integrationId, IntegrationStore } from './integration.store';
import type { SecretBox } from './secret-box';

/** Platforms PrepMate can sync from their API; the others are imported from exports. */
export const SYNC_PLATFORMS: readonly Platform[] = ['codeforces', 'leetcode'];

function toResponse(doc: IntegrationDocument): IntegrationResponse {
  return {
    platform: doc.platform,
    username: doc.username,
    hasSessionCookie: Boolean(doc.sessionCookie),
    syncSupported: SYNC_PLATFORMS.includes(doc.platform),
    linkedAt: doc.linkedAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}

/** Linked platform accounts; the optional LeetCode session cookie is sealed with AES-256-GCM. */
@Injectable()
export class IntegrationsService {
  private readonly box: SecretBox;

  constructor(
    private readonly store: IntegrationStore,
    private readonly states: SyncStateStore,
    private readonly config: IngestionConfig,
    private readonly tombstones: UserTombstones,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.box = integrationSecretBox(config, logger.child({ component: 'integrations' }));
  }

  async link(caller: RpcCaller, request: LinkIntegrationRpcData): Promise<IntegrationResponse> {
    await this.tombstones.assertLive(caller.userId);
    if (request.sessionCookie && request.platform !== 'leetcode')
      throw new AppError('VALIDATION_FAILED', 'a session cookie is only used for LeetCode', {
        field: 'sessionCookie',
      });
    // The gateway validated it already; checked here too, since a cookie HTTP refuses would
    // make every sync fail with an error carrying the cookie. The value is never echoed.
    if (request.sessionCookie && !SESSION_COOKIE_PATTERN.test(request.sessionCookie))
      throw new AppError(
        'VALIDATION_FAILED',
        'the session cookie has characters a cookie may not contain',
        { field: 'sessionCookie' },
      );
    const id = integrationId(caller.userId, request.platform);
    const now = new Date();
    const doc = await this.store.link({
      userId: caller.userId,
      platform: request.platform,
      username: request.username,
      sealedCookie: request.sessionCookie ? this.box.seal(request.sessionCookie, id) : null,
      at: now,
    });
    await this.states.ensure(
      caller.userId,
      request.platform,
      this.config.SYNC_MAX_RETRIES,
      this.firstAutoSync(request.platform, now),
    );
    return toResponse(doc);
  }

  /** The first automatic sync of a new link: SYNC_AUTO_FIRST_DELAY_MS after linking. */
  private firstAutoSync(platform: Platform, now: Date): Date | null {
    if (!SYNC_PLATFORMS.includes(platform)) return null;
    return new Date(now.getTime() + this.config.SYNC_AUTO_FIRST_DELAY_MS);
  }

  async list(caller: RpcCaller): Promise<IntegrationResponse[]> {
    return (await this.store.listForUser(caller.userId)).map(toResponse);
  }

  /** Unlinks the account and forgets its cookie and sync state; imported submissions stay. */
  async unlink(caller: RpcCaller, platform: Platform): Promise<void> {
    if (!(await this.store.remove(caller.userId, platform)))
      throw new AppError('NOT_FOUND', `no ${platform} account is linked`);
    await this.states.remove(caller.userId, platform);
  }

  get(userId: string, platform: Platform): Promise<IntegrationDocument | null> {
    return this.store.get(userId, platform);
  }

  /** The session cookie in clear, for the sync that needs it (never leaves the service). */
  sessionCookie(doc: IntegrationDocument): string | null {
    return doc.sessionCookie ? this.box.open(doc.sessionCookie, doc._id) : null;
  }

  async exportUser(userId: string): Promise<IntegrationResponse[]> {
    return this.list({ userId, role: 'student' });
  }

  async deleteUser(userId: string): Promise<number> {
    return this.store.deleteUser(userId);
  }
}
