import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ChatMessage, ChatPage } from '../api/types';
import { onLiveFrame, onLiveReconnect } from './live-stream';
import type { SseFrame } from './sse-frames';

/** The payload of `chat.message_sent` (docs/events.md). */
interface MessageSent {
  messageId: string;
  from: string;
  to: string;
  text: string;
  sentAt: string;
}

/** The payload of `notification.created` (docs/events.md), as far as the cache needs it. */
interface NotificationCreated {
  kind: string;
  data?: { taskId?: unknown };
}

/** Queries a stored notification may have changed, by its kind. */
const AFFECTED: Record<string, string[]> = {
  task_completed: ['tasks', 'task', 'streak', 'goals', 'readiness', 'level'],
  task_failed: ['tasks', 'task'],
  goal_reached: ['goals'],
  goal_at_risk: ['goals'],
  streak_at_risk: ['streak'],
  chat_unlocked: ['synergy'],
};

/**
 * Live frames into the query cache: a chat message joins its conversation at once, an unlock
 * refreshes the pairs, a notification refreshes the list, the badge and what it is about (a
 * verified task, a goal…); after a reconnect everything live is read again (it was stored).
 */
export function useLiveCache(userId: string | undefined): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!userId) return;
    const offFrame = onLiveFrame((frame) => apply(queryClient, userId, frame));
    const offReconnect = onLiveReconnect(() => {
      for (const key of ['chats', 'chat', 'synergy', 'notifications', 'tasks', 'task'])
        void queryClient.invalidateQueries({ queryKey: [key] });
    });
    return () => {
      offFrame();
      offReconnect();
    };
  }, [queryClient, userId]);
}

function apply(queryClient: QueryClient, me: string, frame: SseFrame): void {
  if (frame.event === 'synergy.chat_unlocked') {
    void queryClient.invalidateQueries({ queryKey: ['synergy'] });
    return;
  }
  if (frame.event === 'notification.created') {
    const created = JSON.parse(frame.data) as NotificationCreated;
    for (const key of ['notifications', ...(AFFECTED[created.kind] ?? [])])
      void queryClient.invalidateQueries({ queryKey: [key] });
    return;
  }
  if (frame.event !== 'chat.message_sent') return;
  const sent = JSON.parse(frame.data) as MessageSent;
  const message: ChatMessage = {
    id: sent.messageId,
    from: sent.from,
    to: sent.to,
    text: sent.text,
    sentAt: sent.sentAt,
  };
  const peer = sent.from === me ? sent.to : sent.from;
  queryClient.setQueryData<ChatPage>(['chat', peer], (page) =>
    page && !page.items.some((m) => m.id === message.id)
      ? { ...page, items: [message, ...page.items] }
      : page,
  );
  void queryClient.invalidateQueries({ queryKey: ['chats'] });
}
