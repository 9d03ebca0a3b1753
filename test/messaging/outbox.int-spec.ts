import type { EventEnvelope } from '@prepmate/contracts';
import { EventPublisher, OutboxRelay, withPendingEvents } from '@prepmate/messaging';
import { ingestedEvent, eventually, type TestService } from '@prepmate/testing';

import { probeEnv } from './probe/probe-env';
import { ProbeStates } from './probe/probe.module';
import { startProbe, stopProbe } from './probe/probe-service';

describe('the outbox', () => {
  const env = probeEnv('outbox', { OUTBOX_SWEEP_INTERVAL_MS: '500' });
  const received: EventEnvelope[] = [];
  const behaviour = {
    onEvent: async (event: EventEnvelope<'submission.ingested'>) => void received.push(event),
  };
  let service: TestService | undefined;

  afterAll(() => stopProbe(service, env));

  it('publishes after a restart the events a crash left between the state write and the publish', async () => {
    // First life: the state and its event are written in one document write, then the
    // process dies before publishing (no relay runs: the app is closed at once).
    const first = await startProbe({ ...env, OUTBOX_SWEEP_INTERVAL_MS: '600000' }, behaviour, {
      consume: false,
    });
    const states = first.app.get(ProbeStates).model;
    const event = ingestedEvent(1);
    const old = { ...event, occurredAt: new Date(Date.now() - 60_000).toISOString() };
    await states.collection.insertOne({
      _id: 'state-1' as never,
      value: 42,
      pendingEvents: [old],
      outboxPending: true,
      outboxLeaseUntil: null,
    });
    await first.close();
    expect(received).toHaveLength(0);

    // Second life: the sweep on start publishes it and empties the document's outbox.
    service = await startProbe(env, behaviour);
    await eventually(
      () => received.length,
      (count) => count === 1,
      { what: 'the pending event to arrive' },
    );
    expect(received[0].eventId).toBe(event.eventId);
    const stored = await service.app
      .get(ProbeStates)
      .model.collection.findOne({ _id: 'state-1' as never });
    expect(stored).toMatchObject({ value: 42, pendingEvents: [], outboxLeaseUntil: null });
  });

  it('publishes right after the write on the fast path, in order, and removes only what it sent', async () => {
    const states = service!.app.get(ProbeStates).model;
    const relay = service!.app.get(OutboxRelay);
    const publish = jest.spyOn(service!.app.get(EventPublisher), 'publish');
    const [a, b] = [ingestedEvent(2), ingestedEvent(3)];
    await states.updateOne({ _id: 'state-2' }, withPendingEvents({ $set: { value: 1 } }, a, b), {
      upsert: true,
    });
    const published = await relay.relay(states, ['state-2']);
    expect(published).toBe(2);
    // The relay publishes a document's events in the order they were written...
    expect(publish.mock.calls.map(([event]) => event.eventId)).toEqual([a.eventId, b.eventId]);
    publish.mockRestore();
    // ...but a consumer handles deliveries concurrently (prefetch, two claim batches in
    // flight), so its handler may see them in either order; each arrives exactly once.
    await eventually(
      () => received.length,
      (count) => count === 3,
      { what: 'two more events' },
    );
    expect(received.slice(1).map((event) => event.eventId)).toEqual(
      expect.arrayContaining([a.eventId, b.eventId]),
    );
    const stored = await states.collection.findOne({ _id: 'state-2' as never });
    expect(stored).toMatchObject({ pendingEvents: [], outboxPending: false });
  });

  it('keeps, flagged, an event written while the relay was publishing', async () => {
    const states = service!.app.get(ProbeStates).model;
    const relay = service!.app.get(OutboxRelay);
    const publisher = service!.app.get(EventPublisher);
    const [first, late] = [ingestedEvent(5), ingestedEvent(6)];
    await states.updateOne({ _id: 'state-4' }, withPendingEvents({ $set: { value: 1 } }, first), {
      upsert: true,
    });
    const publish = publisher.publish.bind(publisher);
    const spy = jest.spyOn(publisher, 'publish').mockImplementationOnce(async (event) => {
      await publish(event);
      // another state change lands between the relay's read and its removal
      await states.updateOne({ _id: 'state-4' }, withPendingEvents({ $set: { value: 2 } }, late));
    });
    try {
      expect(await relay.relay(states, ['state-4'])).toBe(1);
    } finally {
      spy.mockRestore();
    }
    const stored = await states.collection.findOne({ _id: 'state-4' as never });
    expect(stored?.pendingEvents.map((event: EventEnvelope) => event.eventId)).toEqual([
      late.eventId,
    ]);
    expect(stored?.outboxPending).toBe(true);
    // the next relay sends it and empties the outbox
    expect(await relay.relay(states, ['state-4'])).toBe(1);
    expect(await states.collection.findOne({ _id: 'state-4' as never })).toMatchObject({
      pendingEvents: [],
      outboxPending: false,
    });
  });

  it('leaves young events to the fast path and publishes them once they are old', async () => {
    const states = service!.app.get(ProbeStates).model;
    const event = ingestedEvent(4);
    await states.updateOne({ _id: 'state-3' }, withPendingEvents({ $set: { value: 7 } }, event), {
      upsert: true,
    });
    // No fast-path call: the periodic sweep must find it (after its minimum age of 2 s).
    await eventually(() => received.some((got) => got.eventId === event.eventId), Boolean, {
      timeoutMs: 10_000,
      what: 'the sweep to publish it',
    });
    await eventually(
      () => states.collection.findOne({ _id: 'state-3' as never }),
      (doc) => doc?.pendingEvents.length === 0,
      { what: 'the outbox to be emptied' },
    );
  });
});
