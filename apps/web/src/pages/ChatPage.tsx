import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, call } from '../api/client';
import type { ChatPage as Messages } from '../api/types';
import { useUser } from '../auth';
import { Field } from '../components/Field';
import { FormError, QueryView } from '../components/states';
import { Link } from '../router';
import { peerName } from '../synergy/peer';

/**
 * A chat with an unlocked peer: the last 50 messages, oldest first; new ones arrive live
 * (the live stream writes them into this query, see live/live-cache.ts).
 */
export function ChatPage({ userId }: { userId: string }) {
  const me = useUser();
  const queryClient = useQueryClient();
  const name = peerName(userId);
  const [text, setText] = useState('');
  const messages = useQuery({
    queryKey: ['chat', userId],
    queryFn: () =>
      call(
        api.GET('/api/v1/chats/{userId}/messages', {
          params: { path: { userId }, query: { limit: 50 } },
        }),
      ),
  });
  const send = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/v1/chats/{userId}/messages', {
          params: { path: { userId } },
          body: { text },
        }),
      ),
    onSuccess: (message) => {
      setText('');
      queryClient.setQueryData<Messages>(['chat', userId], (page) =>
        page && !page.items.some((m) => m.id === message.id)
          ? { ...page, items: [message, ...page.items] }
          : page,
      );
      void queryClient.invalidateQueries({ queryKey: ['chats'] });
    },
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim()) send.mutate();
  };
  return (
    <section>
      <p>
        <Link to="/synergy">← Synergy</Link>
      </p>
      <h1>Chat with {name}</h1>
      <div className="card">
        <QueryView
          query={messages}
          what="messages"
          isEmpty={(page) => page.items.length === 0}
          empty={<p>No message yet: say hello.</p>}
        >
          {(page) => (
            <div role="log" aria-label={`Conversation with ${name}`}>
              <ol className="plain messages">
                {[...page.items].reverse().map((m) => (
                  <li key={m.id} className={m.from === me?.id ? 'mine' : 'theirs'}>
                    <span className="muted">
                      {m.from === me?.id ? 'You' : name} · {new Date(m.sentAt).toLocaleTimeString()}
                    </span>
                    <p>{m.text}</p>
                  </li>
                ))}
              </ol>
            </div>
          )}
        </QueryView>
        <form className="row" onSubmit={onSubmit}>
          <Field label="Message">
            {(p) => (
              <input
                {...p}
                value={text}
                maxLength={2000}
                onChange={(e) => setText(e.target.value)}
              />
            )}
          </Field>
          <button type="submit" disabled={send.isPending}>
            Send
          </button>
        </form>
        <FormError error={send.error} />
      </div>
    </section>
  );
}
