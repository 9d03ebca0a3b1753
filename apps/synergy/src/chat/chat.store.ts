import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { EventEnvelope } from '@prepmate/contracts';
import { OutboxRelay } from '@prepmate/messaging';
import { afterKeyFilter, isDuplicateKeyError, type KeysetPosition } from '@prepmate/platform';
import type { FilterQuery, Model } from 'mongoose';
import {
  CHAT_MESSAGE_MODEL,
  type ChatMessageDocument,
  CONVERSATION_MODEL,
  type ConversationDocument,
} from './chat.schema';

/** A chat message as stored, without its outbox fields. */
export interface ChatMessage {
  _id: string;
  pairId: string;
  from: string;
  to: string;
  text: string;
  sentAt: Date;
}

/** Newest first, ties by the later id. */
const NEWEST = { key: 'desc', id: 'desc' } as const;

/**
 * The `chat_messages` collection (with the `chat.message_sent` outbox) and each learner's
 * conversation views over it.
 */
@Injectable()
export class ChatStore implements OnModuleInit {
  constructor(
    @InjectModel(CHAT_MESSAGE_MODEL) private readonly messages: Model<ChatMessageDocument>,
    @InjectModel(CONVERSATION_MODEL) private readonly conversations: Model<ConversationDocument>,
    private readonly relay: OutboxRelay,
  ) {}

  /** Before the relay's first sweep (on bootstrap), so events left by a crash go out at once. */
  onModuleInit(): void {
    this.relay.register(this.messages);
  }

  /** Stores the message with its event (one insert, outbox). */
  async insertMessage(message: ChatMessage, event: EventEnvelope): Promise<void> {
    await this.messages.collection.insertOne({
      ...message,
      pendingEvents: [event],
      outboxPending: true,
      outboxLeaseUntil: null,
    } as never);
  }

  /** Publishes the message's pending event now; a failure is left to the sweep. */
  relayOrLeave(messageId: string): Promise<void> {
    return this.relay.relayOrLeave(this.messages, [messageId]);
  }

  /** The pair's messages, newest first, after the cursor; `limit + 1` of them. */
  messagesPage(
    pairId: string,
    after: KeysetPosition | null,
    limit: number,
  ): Promise<ChatMessageDocument[]> {
    const filter: FilterQuery<ChatMessageDocument> = {
      pairId,
      ...(after ? afterKeyFilter('sentAt', { ...after, key: new Date(after.key) }, NEWEST) : {}),
    };
    return this.messages
      .find(filter, { pendingEvents: 0, outboxPending: 0, outboxLeaseUntil: 0 })
      .sort({ sentAt: -1, _id: -1 })
      .limit(limit + 1)
      .lean<ChatMessageDocument[]>();
  }

  /** Marks the conversation read up to this time (a message that arrived meanwhile stays unread). */
  async markRead(userId: string, partnerId: string, upTo: Date): Promise<void> {
    await this.conversations.updateOne(
      { _id: `${userId}:${partnerId}`, lastMessageAt: { $lte: upTo } },
      { $set: { unreadCount: 0 } },
    );
  }

  /** The user's conversations, the most recent first, after the cursor; `limit + 1` of them. */
  conversationsPage(
    userId: string,
    after: KeysetPosition | null,
    limit: number,
  ): Promise<ConversationDocument[]> {
    const filter: FilterQuery<ConversationDocument> = {
      userId,
      ...(after
        ? afterKeyFilter('lastMessageAt', { ...after, key: new Date(after.key) }, NEWEST)
        : {}),
    };
    return this.conversations
      .find(filter)
      .sort({ lastMessageAt: -1, _id: -1 })
      .limit(limit + 1)
      .lean<ConversationDocument[]>();
  }

  /**
   * Moves a conversation view to this message: created at its first message, then its last
   * message only moves forward (a compare on `lastMessageAt`), the unread count is an `$inc`.
   */
  async touch(
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

  /** The messages the user sent or received. */
  async messagesOfUser(userId: string): Promise<ChatMessageDocument[]> {
    const [sent, received] = await Promise.all([
      this.messages.find({ from: userId }).lean<ChatMessageDocument[]>(),
      this.messages.find({ to: userId }).lean<ChatMessageDocument[]>(),
    ]);
    return [...sent, ...received];
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
}
