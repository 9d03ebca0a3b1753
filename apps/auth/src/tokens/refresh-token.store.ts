import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { v7 as uuidv7 } from 'uuid';
import { AuthConfig } from '../auth.config';
import { hashToken, newOpaqueToken } from './opaque-token';
import { REFRESH_FAMILY_MODEL, type RefreshFamilyDocument } from './refresh-family.schema';
import { REFRESH_TOKEN_MODEL, type RefreshTokenDocument } from './refresh-token.schema';

export type RotateResult =
  | { ok: true; userId: string; refreshToken: string }
  /** Refused; `reuse` when a used token came back (its family is now revoked). */
  | { ok: false; reuse?: { userId: string; familyId: string } };

/**
 * Refresh tokens rotate on every use: using one marks it used (atomically, so two racing
 * uses cannot both win) and issues the next of its family. Presenting a used token again
 * means it leaked: the whole family is revoked. Logout revokes the family too.
 *
 * The race between a rotation and a revocation is closed by the family document: the
 * revoker sets `family.revokedAt` before it revokes the tokens; the rotation inserts its new
 * token before it extends the family with a conditional update (`revokedAt: null`). If the
 * family was revoked first, the extension fails and the new token is revoked; otherwise
 * the revoker's token update, which comes later, catches the new token.
 */
@Injectable()
export class RefreshTokenStore {
  constructor(
    @InjectModel(REFRESH_TOKEN_MODEL) private readonly tokens: Model<RefreshTokenDocument>,
    @InjectModel(REFRESH_FAMILY_MODEL) private readonly families: Model<RefreshFamilyDocument>,
    private readonly config: AuthConfig,
  ) {}

  private expiry(): Date {
    return new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
  }

  /** A new family (a login or registration) and its first token. */
  async startFamily(userId: string): Promise<string> {
    const familyId = uuidv7();
    const expiresAt = this.expiry();
    await this.families.create({ _id: familyId, userId, revokedAt: null, expiresAt });
    return this.issue(userId, familyId, expiresAt);
  }

  /** Exchanges a token for the next of its family. */
  async rotate(token: string): Promise<RotateResult> {
    const now = new Date();
    const id = hashToken(token);
    const used = await this.tokens.findOneAndUpdate(
      { _id: id, usedAt: null, revokedAt: null, expiresAt: { $gt: now } },
      { $set: { usedAt: now } },
      { new: false },
    );
    if (!used) {
      const known = await this.tokens.findById(id).lean<RefreshTokenDocument>();
      if (known?.usedAt && !known.revokedAt) {
        await this.revokeFamily(known.familyId);
        return { ok: false, reuse: { userId: known.userId, familyId: known.familyId } };
      }
      return { ok: false };
    }
    const expiresAt = this.expiry();
    const next = await this.issue(used.userId, used.familyId, expiresAt);
    const extended = await this.families.updateOne(
      { _id: used.familyId, revokedAt: null },
      { $set: { expiresAt } },
    );
    if (extended.matchedCount === 0) {
      await this.tokens.updateOne({ _id: hashToken(next) }, { $set: { revokedAt: new Date() } });
      return { ok: false };
    }
    return { ok: true, userId: used.userId, refreshToken: next };
  }

  /** Revokes the family of this token (logout); unknown tokens are ignored. */
  async revoke(token: string, userId: string): Promise<void> {
    const known = await this.tokens.findById(hashToken(token)).lean<RefreshTokenDocument>();
    if (known && known.userId === userId) await this.revokeFamily(known.familyId);
  }

  /** Revokes every family of the user (a lock or a demotion). */
  async revokeAllOf(userId: string): Promise<void> {
    const families = await this.families
      .find({ userId, revokedAt: null }, { _id: 1 })
      .lean<Array<{ _id: string }>>();
    for (const family of families) await this.revokeFamily(family._id);
  }

  async deleteForUser(userId: string): Promise<number> {
    const [tokens] = await Promise.all([
      this.tokens.deleteMany({ userId }),
      this.families.deleteMany({ userId }),
    ]);
    return tokens.deletedCount;
  }

  /**
   * Removes tokens and families past their expiry (FerretDB has no TTL index). Used and
   * revoked tokens are kept until then: a reuse must still be recognised.
   */
  async sweepExpired(now = new Date()): Promise<{ tokens: number; families: number }> {
    const [tokens, families] = await Promise.all([
      this.tokens.deleteMany({ expiresAt: { $lt: now } }),
      this.families.deleteMany({ expiresAt: { $lt: now } }),
    ]);
    return { tokens: tokens.deletedCount, families: families.deletedCount };
  }

  /** The family first, then its tokens (the order the rotation's check relies on). */
  private async revokeFamily(familyId: string): Promise<void> {
    const now = new Date();
    await this.families.updateOne({ _id: familyId, revokedAt: null }, { $set: { revokedAt: now } });
    await this.tokens.updateMany({ familyId, revokedAt: null }, { $set: { revokedAt: now } });
  }

  private async issue(userId: string, familyId: string, expiresAt: Date): Promise<string> {
    const token = newOpaqueToken();
    await this.tokens.create({ _id: hashToken(token), familyId, userId, expiresAt });
    return token;
  }
}
