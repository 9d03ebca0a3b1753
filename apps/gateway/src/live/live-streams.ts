import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { EventEnvelope, LiveEventType } from '@prepmate/contracts';
import type { Response } from 'express';
import { Gauge } from 'prom-client';

const openStreams = new Gauge({
  name: 'gateway_live_streams',
  help: 'Server-Sent Events streams open on this gateway replica',
});

/** A comment line every this often keeps proxies and the client from timing the stream out. */
const HEARTBEAT_MS = 25_000;

/**
 * The Server-Sent Events streams this gateway replica holds, by user. An event is written
 * to every open stream of each user it concerns; a stream ends when its client goes away or
 * the gateway shuts down.
 */
@Injectable()
export class LiveStreams implements OnModuleDestroy {
  private readonly byUser = new Map<string, Set<Response>>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor() {
    this.heartbeat = setInterval(
      () => this.each((stream) => stream.write(': ping\n\n')),
      HEARTBEAT_MS,
    );
    this.heartbeat.unref();
  }

  /** Opens the stream on this response; returns what closes it. */
  open(userId: string, response: Response): () => void {
    response.status(200);
    response.setHeader('content-type', 'text/event-stream; charset=utf-8');
    response.setHeader('cache-control', 'no-cache, no-transform');
    response.setHeader('connection', 'keep-alive');
    response.setHeader('x-accel-buffering', 'no');
    response.flushHeaders();
    // Tells the client how long to wait before reconnecting, and that the stream is live.
    response.write('retry: 3000\n: connected\n\n');
    let streams = this.byUser.get(userId);
    if (!streams) this.byUser.set(userId, (streams = new Set()));
    streams.add(response);
    openStreams.inc();
    return () => {
      if (!streams.delete(response)) return;
      openStreams.dec();
      if (streams.size === 0) this.byUser.delete(userId);
    };
  }

  /** Writes the event to the open streams of the users it concerns. */
  deliver(event: EventEnvelope<LiveEventType>): number {
    const frame = `id: ${event.eventId}\nevent: ${event.type}\ndata: ${JSON.stringify(event.payload)}\n\n`;
    let written = 0;
    for (const userId of recipients(event)) {
      for (const stream of this.byUser.get(userId) ?? []) {
        stream.write(frame);
        written += 1;
      }
    }
    return written;
  }

  onModuleDestroy(): void {
    clearInterval(this.heartbeat);
    this.each((stream) => stream.end());
    this.byUser.clear();
  }

  private each(action: (stream: Response) => void): void {
    for (const streams of this.byUser.values()) for (const stream of streams) action(stream);
  }
}

/**
 * Both learners of a chat message (the sender's other tabs too) or of an unlocked pair; the
 * learner a notification is for.
 */
function recipients(event: EventEnvelope<LiveEventType>): string[] {
  if (event.type === 'notification.created')
    return [(event as EventEnvelope<'notification.created'>).payload.userId];
  if (event.type === 'chat.message_sent') {
    const { from, to } = (event as EventEnvelope<'chat.message_sent'>).payload;
    return [from, to];
  }
  const { userA, userB } = (event as EventEnvelope<'synergy.chat_unlocked'>).payload;
  return [userA, userB];
}
