import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type {
  ChatMessageResponse,
  ConversationResponse,
  Page,
  RpcCaller,
} from '@prepmate/contracts';
import { createEvent, OutboxRelay } from '@prepmate/messaging';
import { AppError, isDuplicateKeyError } from '@prepmate/platform';
import type { FilterQuery, Model } from 'mongoose';
import { v7 as uuidv7 } from 'uuid';
import { decodeTimeCursor, encodeTimeCursor } from '../domain/cursors';
import { pairKey } from '../domain/pair-key';
import { PairStore } from '../pairs/pair.store';
import {
  CHAT_MESSAGE_MODEL,
  type ChatMessageDocument,
  CONVERSATION_MODEL,
  type ConversationDocument,
} from './chat.schema';

/** Chat between learners whose synergy unlocked it (docs/synergy.md, "Chat"). */
@Injectable()
export class ChatService {
  constructor(
    @InjectModel(CHAT_MESSAGE_MODEL) readonly messages: Model<ChatMessageDocument>,
    @InjectModel(CONVERSATION_MODEL) readonly conversations: Model<ConversationDocument>,
    private readonly pairs: PairStore,
    private readonly relay: OutboxRelay,
  ) {}

  /**
   * Stores the message with its `chat.message_sent` (one insert, outbox), then updates both
   * learners' conversation views, then publishes: a live stream gets only what is stored.
   */
  async send(caller: RpcCaller, to: string, text: string): Promise<ChatMessageResponse> {
    const pairId = await this.unlockedPair(caller.userId, to);
    const sentAt = new Date();
    const message = { _id: uuidv7(), pairId, from: caller.userId, to, text, sentAt };
    const event = createEvent(
      'chat.message_sent',
      { messageId: message._id, from: message.from, to, text, sentAt: sentAt.toISOString() },
      'synergy',
    );
    await this.messages.collection.insertOne({
      ...message,
      pendingEvents: [event],
      outboxPending: true,
      outboxLeaseUntil: null,
    } as never);
    await Promise.all([
      this.touch(caller.userId, to, message, false),
      this.touch(to, caller.userId, message, true),
    ]);
    await this.relay.relayOrLeave(this.messages, [message._id]);
    return view(message);
  }

  /** Newest first; reading the first page marks the conversation read. */
  async history(
    caller: RpcCaller,
    partnerId: string,
    query: { limit: number; cursor?: string },
  ): Promise<Page<ChatMessageResponse>> {
    const pairId = await this.unlockedPair(caller.userId, partnerId);
    const filter: FilterQuery<ChatMessageDocument> = { pairId };
    if (query.cursor) {
      const cursor = decodeTimeCursor(query.cursor);
      if (!cursor) throw AppError.validation([{ field: 'cursor', message: 'invalid cursor' }]);
      const time = new Date(cursor.time);
      filter.$or = [{ sentAt: { $lt: time } }, { sentAt: time, _id: { $lt: cursor.id } }];
    }
    const docs = await this.messages
      .find(filter, { pendingEvents: 0, outboxPending: 0, outboxLeaseUntil: 0 })
      .sort({ sentAt: -1, _id: -1 })
      .limit(query.limit + 1)
      .lean<ChatMessageDocument[]>();
    const page = docs.slice(0, query.limit);
    if (!query.cursor && page.length > 0) {
      // Only what was read: a message that arrives meanwhile stays unread (it is newer).
      await this.conversations.updateOne(
        { _id: `${caller.userId}:${partnerId}`, lastMessageAt: { $lte: page[0].sentAt } },
        { $set: { unreadCount: 0 } },
      );
    }
    const last = page[page.length - 1];
    return {
      items: page.map(view),
      nextCursor:
        docs.length > query.limit
          ? encodeTimeCursor({ time: last.sentAt.getTime(), id: last._id })
          : null,
    };
  }

  /** My conversations, the most recent first, with their last message and unread count. */
  async list(
    caller: RpcCaller,
    query: { limit: number; cursor?: string },
  ): Promise<Page<ConversationResponse>> {
    const filter: FilterQuery<ConversationDocument> = { userId: caller.userId };
    if (query.cursor) {
      const cursor = decodeTimeCursor(query.cursor);
      if (!cursor) throw AppError.validation([{ field: 'cursor', message: 'invalid cursor' }]);
      const time = new Date(cursor.time);
      filter.$or = [
        { lastMessageAt: { $lt: time } },
        { lastMessageAt: time, _id: { $lt: cursor.id } },
      ];
    }
    const docs = await this.conversations
      .find(filter)
      .sort({ lastMessageAt: -1, _id: -1 })
      .limit(query.limit + 1)
      .lean<ConversationDocument[]>();
    const page = docs.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((conversation) => ({
        userId: conversation.partnerId,
        lastMessage: {
          id: conversation.lastMessage.id,
          from: conversation.lastMessage.from,
          to: conversation.lastMessage.to,
          text: conversation.lastMessage.text,
          sentAt: new Date(conversation.lastMessage.sentAt).toISOString(),
        },
        unreadCount: conversation.unreadCount,
      })),
      nextCursor:
        docs.length > query.limit
          ? encodeTimeCursor({ time: last.lastMessageAt.getTime(), id: last._id })
          : null,
    };
  }

  async exportUser(userId: string): Promise<ChatMessageResponse[]> {
    const [sent, received] = await Promise.all([
      this.messages.find({ from: userId }).lean<ChatMessageDocument[]>(),
      this.messages.find({ to: userId }).lean<ChatMessageDocument[]>(),
    ]);
    return [...sent, ...received].sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime()).map(view);
  }

  /** The learner's messages, from both sides, and both sides' conversation views. */
  async deleteUser(userId: string): Promise<number> {
    const results = await Promise.all([
      this.messages.deleteMany({ from: userId }),
      this.messages.deleteMany({ to: userId }),
      this.conversations.deleteMany({ userId }),
      this.conversations.deleteMany({ partnerId: userId }),
    ]);
    return results[0].deletedCount + results[1].deletedCount;
  }

  private async unlockedPair(me: string, other: string): Promise<string> {
    if (me === other)
      throw new AppError('BAD_REQUEST', 'one cannot chat with oneself', { field: 'userId' });
    const key = pairKey(me, other);
    const pair = await this.pairs.get(key.id);
    if (!pair?.chatUnlocked)
      throw new AppError('CHAT_LOCKED', 'chat unlocks once your synergy score reaches 0.6');
    return key.id;
  }

  /**
   * Moves a conversation view to this message: created at its first message, then its last
   * message only moves forward (a compare on `lastMessageAt`), the unread count is an `$inc`.
   */
  private async touch(
    userId: string,
    partnerId: string,
    message: { _id: string; from: string; to: string; text: string; sentAt: Date },
    unread: boolean,
  ): Promise<void> {
    const _id = `${userId}:${partnerId}`;
    const lastMessage = {
      id: message._id,
      from: message.from,
      to: message.to,
      text: message.text,
      sentAt: message.sentAt,
    };
    const inserted = await this.conversations.collection
      .insertOne({
        _id,
        userId,
        partnerId,
        lastMessage,
        lastMessageAt: message.sentAt,
        unreadCount: unread ? 1 : 0,
      } as never)
      .then(
        () => true,
        (error: unknown) => {
          if (!isDuplicateKeyError(error)) throw error;
          return false;
        },
      );
    if (inserted) return;
    // One update, not two concurrent ones: FerretDB 1.24 applies concurrent updates of one
    // document as read-modify-writes, and the slower one overwrites the other.
    const moved = await this.conversations.updateOne(
      { _id, lastMessageAt: { $lt: message.sentAt } },
      {
        $set: { lastMessage, lastMessageAt: message.sentAt },
        ...(unread ? { $inc: { unreadCount: 1 } } : {}),
      },
    );
    if (moved.matchedCount === 0 && unread)
      await this.conversations.updateOne({ _id }, { $inc: { unreadCount: 1 } });
  }
}

function view(message: {
  _id: string;
  from: string;
  to: string;
  text: string;
  sentAt: Date;
}): ChatMessageResponse {
  return {
    id: message._id,
    from: message.from,
    to: message.to,
    text: message.text,
    sentAt: new Date(message.sentAt).toISOString(),
  };
}
