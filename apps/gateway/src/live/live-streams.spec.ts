import type { EventEnvelope } from '@prepmate/contracts';
import type { Response } from 'express';
import { LiveStreams } from './live-streams';

function fakeResponse() {
  const written: string[] = [];
  const response = {
    status: jest.fn(),
    setHeader: jest.fn(),
    flushHeaders: jest.fn(),
    write: (chunk: string) => written.push(chunk),
    end: jest.fn(),
  };
  return { response: response as unknown as Response, written, end: response.end };
}

const envelope = <T extends 'chat.message_sent' | 'synergy.chat_unlocked'>(
  type: T,
  payload: EventEnvelope<T>['payload'],
): EventEnvelope<T> => ({
  eventId: `evt-${type}`,
  type,
  version: 1,
  occurredAt: '2026-01-01T00:00:00.000Z',
  producer: 'synergy',
  correlationId: 'c',
  payload,
});

describe('live streams', () => {
  it('writes an event to every open stream of the learners it concerns, and to no one else', () => {
    const streams = new LiveStreams();
    const bobTab1 = fakeResponse();
    const bobTab2 = fakeResponse();
    const ada = fakeResponse();
    const cy = fakeResponse();
    streams.open('bob', bobTab1.response);
    const closeTab2 = streams.open('bob', bobTab2.response);
    streams.open('ada', ada.response);
    streams.open('cy', cy.response);

    const message = envelope('chat.message_sent', {
      messageId: 'm1',
      from: 'ada',
      to: 'bob',
      text: 'hi',
      sentAt: '2026-01-01T00:00:00.000Z',
    });
    expect(streams.deliver(message)).toBe(3);
    const frame = `id: evt-chat.message_sent\nevent: chat.message_sent\ndata: ${JSON.stringify(message.payload)}\n\n`;
    expect(bobTab1.written).toContain(frame);
    expect(bobTab2.written).toContain(frame);
    expect(ada.written).toContain(frame);
    expect(cy.written.join('')).not.toContain('chat.message_sent');

    closeTab2();
    expect(
      streams.deliver(
        envelope('synergy.chat_unlocked', {
          userA: 'ada',
          userB: 'bob',
          score: 0.61,
          unlockedAt: '2026-01-01T00:00:00.000Z',
        }),
      ),
    ).toBe(2);
    expect(bobTab2.written.join('')).not.toContain('synergy.chat_unlocked');

    streams.onModuleDestroy();
    expect(bobTab1.end).toHaveBeenCalled();
    expect(cy.end).toHaveBeenCalled();
  });
});
