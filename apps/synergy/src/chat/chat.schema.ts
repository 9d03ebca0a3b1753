import { type OutboxFields, outboxPlugin } from '@prepmate/messaging';
import { Schema } from 'mongoose';

/** A chat message, stored before it is announced (`chat.message_sent` rides in its insert). */
export interface ChatMessageDocument extends OutboxFields {
  _id: string;
  pairId: string;
  from: string;
  to: string;
  text: string;
  sentAt: Date;
}

export const CHAT_MESSAGE_MODEL = 'ChatMessage';

export const ChatMessageSchema = new Schema<ChatMessageDocument>(
  {
    _id: { type: String, required: true },
    pairId: { type: String, required: true },
    from: { type: String, required: true },
    to: { type: String, required: true },
    text: { type: String, required: true },
    sentAt: { type: Date, required: true },
  },
  { collection: 'chat_messages', versionKey: false },
);
ChatMessageSchema.plugin(outboxPlugin);
ChatMessageSchema.index({ pairId: 1, sentAt: -1, _id: -1 });
ChatMessageSchema.index({ from: 1 });
ChatMessageSchema.index({ to: 1 });

/**
 * One learner's view of a conversation (`GET /chats`): the last message (moved only forward,
 * by `lastMessageAt`) and how many messages arrived since they last read it.
 */
export interface ConversationDocument {
  _id: string;
  userId: string;
  partnerId: string;
  lastMessage: { id: string; from: string; to: string; text: string; sentAt: Date };
  lastMessageAt: Date;
  unreadCount: number;
}

export const CONVERSATION_MODEL = 'Conversation';

export const ConversationSchema = new Schema<ConversationDocument>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    partnerId: { type: String, required: true },
    lastMessage: { type: Schema.Types.Mixed, required: true },
    lastMessageAt: { type: Date, required: true },
    unreadCount: { type: Number, required: true },
  },
  { collection: 'conversations', versionKey: false },
);
ConversationSchema.index({ userId: 1, lastMessageAt: -1, _id: -1 });
ConversationSchema.index({ partnerId: 1 });
