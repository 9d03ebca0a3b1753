import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { RpcCaller, RpcRequest } from '@prepmate/contracts';
import { requireCaller } from '@prepmate/messaging';
import { AppError } from '@prepmate/platform';
import type { Model } from 'mongoose';
import { DELETED_USER_MODEL, type DeletedUserDocument } from './deleted-user.schema';

/** The tombstones of deleted users (an `_id` lookup before every write of user data). */
@Injectable()
export class DeletedUsers {
  constructor(
    @InjectModel(DELETED_USER_MODEL) private readonly model: Model<DeletedUserDocument>,
  ) {}

  async has(userId: string): Promise<boolean> {
    return (await this.model.exists({ _id: userId })) !== null;
  }

  /** The request's caller, unless their account was deleted (a token outlives it by minutes). */
  async activeCaller(request: RpcRequest): Promise<RpcCaller> {
    const caller = requireCaller(request);
    if (await this.has(caller.userId))
      throw new AppError('UNAUTHENTICATED', 'this account was deleted');
    return caller;
  }

  /** Idempotent: a second deletion keeps the first time. */
  async add(userId: string): Promise<void> {
    await this.model.updateOne(
      { _id: userId },
      { $setOnInsert: { deletedAt: new Date() } },
      { upsert: true },
    );
  }
}
