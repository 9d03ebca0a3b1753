import type { EventType } from './event-map';

/**
 * Events the gateway delivers live to connected clients (`GET /events/stream`). Each gateway
 * replica binds its own exclusive, auto-deleted queue to them: every replica sees every one
 * and writes it to the streams of the users it concerns that it holds.
 */
export const LIVE_EVENT_TYPES = [
  'chat.message_sent',
  'synergy.chat_unlocked',
  'notification.created',
] as const satisfies readonly EventType[];
export type LiveEventType = (typeof LIVE_EVENT_TYPES)[number];
