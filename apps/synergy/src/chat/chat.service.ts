import { Injectable } from '@nestjs/common';
import type {
  ChatMessageResponse,
  ConversationResponse,
  Page,
  RpcCaller,
} from '@prepmate/contracts';
import { createEvent } from '@prepmate/messaging';
import { AppError, encodeKeysetCursor, keysetPage } from '@prepmate/platform';
import { v7 as uuidv7 } from 'uuid';
import { pairKey } from '../domain/pair-key';
import { PairStore } from '../pairs/pair.store';
import { listPosition, TIME_CURSOR } from '../list-cursors';
import { ChatStore } from './chat.store';

/** Chat between learners whose synergy unlocked it (docs/synergy.md, "Chat"). */
@Injectable()
export class ChatService {
  constructor(
    private readonly store: ChatStore,
    private readonly pairs: PairStore,
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
    await this.store.insertMessage(message, event);
    await Promise.all([
      this.store.touch(caller.userId, to, message, false),
      this.store.touch(to, caller.userId, message, true),
    ]);
    await this.store.relayOrLeave(message._id);
    return view(message);
  }

  /** Newest first; reading the first page marks the conversation read. */
  async history(
    caller: RpcCaller,
    partnerId: string,
    query: { limit: number; cursor?: string },
  ): Promise<Page<ChatMessageResponse>> {
    const pairId = await this.unlockedPair(caller.userId, partnerId);
    const after = listPosition(query.cursor, TIME_CURSOR);
    const docs = await this.store.messagesPage(pairId, after, query.limit);
    const page = keysetPage(docs, query.limit, (last) =>
      encodeKeysetCursor({ key: last.sentAt.getTime(), id: last._id }, TIME_CURSOR),
    );
    // Only what was read: a message that arrives meanwhile stays unread (it is newer).
    if (!query.cursor && page.items.length > 0)
      await this.store.markRead(caller.userId, partnerId, page.items[0].sentAt);
    return { items: page.items.map(view), nextCursor: page.nextCursor };
  }

  /** My conversations, the most recent first, with their last message and unread count. */
  async list(
    caller: RpcCaller,
    query: { limit: number; cursor?: string },
  ): Promise<Page<ConversationResponse>> {
    const after = listPosition(query.cursor, TIME_CURSOR);
    const docs = await this.store.conversationsPage(caller.userId, after, query.limit);
    const page = keysetPage(docs, query.limit, (last) =>
      encodeKeysetCursor({ key: last.lastMessageAt.getTime(), id: last._id }, TIME_CURSOR),
    );
    return {
      items: page.items.map((conversation) => ({
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
      nextCursor: page.nextCursor,
    };
  }

  async exportUser(userId: string): Promise<ChatMessageResponse[]> {
    const messages = await this.store.messagesOfUser(userId);
    return messages.sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime()).map(view);
  }

  /** The learner's messages, from both sides, and both sides' conversation views. */
  deleteUser(userId: string): Promise<number> {
    return this.store.deleteUser(userId);
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
