import { useEffect } from 'react';
import { API_ORIGIN, refreshSession } from '../api/client';
import { session } from '../api/session';
import { parseSseFrames, type SseFrame } from './sse-frames';

type Listener = (frame: SseFrame) => void;
const listeners = new Set<Listener>();
const reconnectListeners = new Set<() => void>();

/** Hears every frame of the live stream while the returned function is not called. */
export function onLiveFrame(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Hears each reconnect (what was sent meanwhile is stored: read it again). */
export function onLiveReconnect(listener: () => void): () => void {
  reconnectListeners.add(listener);
  return () => reconnectListeners.delete(listener);
}

const RETRY_MS = 3000;

/**
 * Keeps `GET /events/stream` open while signed in (docs/synergy.md, "Live events"). The stream
 * needs the bearer token, which EventSource cannot send, so it is read with fetch. A dropped
 * stream reconnects after 3 s and tells the reconnect listeners; a 401 refreshes the session
 * once (a second one signs out, as every other call does).
 */
export function useLiveStream(userId: string | undefined): void {
  useEffect(() => {
    if (!userId) return;
    const controller = new AbortController();
    let connections = 0;
    void (async () => {
      while (!controller.signal.aborted) {
        const opened = await readStream(controller.signal, () => {
          if (connections++ > 0) for (const listener of reconnectListeners) listener();
        }).catch(() => 'dropped' as const);
        if (opened === 'signed-out' || controller.signal.aborted) return;
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    })();
    return () => controller.abort();
  }, [userId]);
}

async function readStream(
  signal: AbortSignal,
  onOpen: () => void,
): Promise<'dropped' | 'signed-out'> {
  let res = await open(signal);
  if (res.status === 401) {
    if (!(await refreshSession())) {
      session.end();
      return 'signed-out';
    }
    res = await open(signal);
    if (res.status === 401) {
      session.end();
      return 'signed-out';
    }
  }
  if (!res.ok || !res.body) return 'dropped';
  onOpen();
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return 'dropped';
    const parsed = parseSseFrames(buffer + decoder.decode(value, { stream: true }));
    buffer = parsed.rest;
    for (const frame of parsed.frames) for (const listener of listeners) listener(frame);
  }
}

function open(signal: AbortSignal): Promise<Response> {
  return fetch(`${API_ORIGIN}/api/v1/events/stream`, {
    headers: {
      accept: 'text/event-stream',
      ...(session.token ? { authorization: `Bearer ${session.token}` } : {}),
    },
    signal,
  });
}
