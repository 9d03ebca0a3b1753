import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { AppError } from '@prepmate/platform';
import type { Model } from 'mongoose';
import { v7 as uuidv7 } from 'uuid';
import { AuthConfig } from '../auth.config';
import { hashToken, newOpaqueToken } from './opaque-token';
import { REFRESH_TOKEN_MODEL, type RefreshTokenDocument } from './refresh-token.schema';

const INVALID = () => new AppError('UNAUTHENTICATED', 'refresh token is invalid or expired');

/**
 * Refresh tokens rotate on every use: using one marks it used (atomically, so two racing
 * uses cannot both win) and issues the next of its family. Presenting a used token again
 * means it leaked: the whole family is revoked. Logout revokes the family too.
 */
@Injectable()
export class RefreshTokens {
  constructor(
    @InjectModel(REFRESH_TOKEN_MODEL) private readonly tokens: Model<RefreshTokenDocument>,
    private readonly config: AuthConfig,
  ) {}

  /** A new family (a login or registration). */
  startFamily(userId: string): Promise<string> {
    return this.issue(userId, uuidv7());
  }

  /** Exchanges a token for the next of its family; returns its user and the new token. */
  async rotate(token: string): Promise<{ userId: string; refreshToken: string }> {
    const now = new Date();
    const used = await this.tokens.findOneAndUpdate(
      { _id: hashToken(token), usedAt: null, revokedAt: null, expiresAt: { $gt: now } },
      { $set: { usedAt: now } },
      { new: false },
    );
    if (used)
      return { userId: used.userId, refreshToken: await this.issue(used.userId, used.familyId) };
    const known = await this.tokens.findById(hashToken(token));
    if (known?.usedAt && !known.revokedAt) {
      await this.revokeFamily(known.familyId);
    }
    throw INVALID();
  }

  /** Revokes the family of this token (logout); unknown tokens are ignored. */
  async revoke(token: string, userId: string): Promise<void> {
    const known = await this.tokens.findById(hashToken(token));
    if (known && known.userId === userId) await this.revokeFamily(known.familyId);
  }

  async deleteForUser(userId: string): Promise<number> {
    const result = await this.tokens.deleteMany({ userId });
    return result.deletedCount;
  }

  private async revokeFamily(familyId: string): Promise<void> {
    await this.tokens.updateMany(
      { familyId, revokedAt: null },
      { $set: { revokedAt: new Date() } },
    );
  }

  private async issue(userId: string, familyId: string): Promise<string> {
    const token = newOpaqueToken();
    const expiresAt = new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
    await this.tokens.create({ _id: hashToken(token), familyId, userId, expiresAt });
    return token;
  }
}
