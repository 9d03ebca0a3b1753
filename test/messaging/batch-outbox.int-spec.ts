import type { EventEnvelope } from '@prepmate/contracts';
import { BatchOutbox, type BatchHeader, batchEvent } from '@prepmate/messaging';
import { eventually, ingestedEvent, sleep, type TestService } from '@prepmate/testing';
import { v7 as uuidv7 } from 'uuid';
import { probeEnv } from './probe/probe-env';
import { ProbeStates } from './probe/probe.module';
import { startProbe, stopProbe } from './probe/probe-service';

interface State {
  _id: string;
  value: number;
  batch: string;
  eventId: string;
}

/** The event of a probe state: built from the state alone, as the writer and the sweep both do. */
function eventOf(state: State, header: BatchHeader): EventEnvelope {
  const { payload } = ingestedEvent(state.value);
  return batchEvent('submission.ingested', payload, 'ingestion', state.eventId, header);
}

function state(batch: string, value: number): State {
  return { _id: `${batch}-${value}`, value, batch, eventId: uuidv7() };
}

describe('the batch outbox', () => {
  const env = probeEnv('batch-outbox', {
    OUTBOX_SWEEP_INTERVAL_MS: '600000',
    OUTBOX_BATCH_LEASE_MS: '900',
  });
  const received: Array<EventEnvelope<'submission.ingested'>> = [];
  let service: TestService | undefined;
  let outbox: BatchOutbox;
  let states: ProbeStates['model'];

  const outboxDocuments = () => states.db.collection('outbox_batches').countDocuments();

  beforeAll(async () => {
    service = await startProbe(env, {
      onEvent: async (event: EventEnvelope<'submission.ingested'>) => void received.push(event),
    });
    outbox = service.app.get(BatchOutbox);
    states = service.app.get(ProbeStates).model;
    outbox.register(states, eventOf);
  });
  afterAll(() => stopProbe(service, env));

  it('publishes the events of the states the batch stored and deletes its outbox document', async () => {
    const staged = await outbox.stage(states, { batch: 'b1' });
    expect(await outboxDocuments()).toBe(1);
    // b1-2 was a duplicate: this batch did not store it.
    const stored = [state('b1', 1), state('b1', 3)];
    await states.collection.insertMany(stored as never[]);
    await outbox.commit(staged, stored);
    await eventually(
      () => received.length,
      (n) => n === 2,
      { what: 'two events' },
    );
    expect(received.map((e) => e.eventId).sort()).toEqual(stored.map((s) => s.eventId).sort());
    expect(received.map((e) => e.payload.submissionId).sort()).toEqual(['sub-1', 'sub-3']);
    await eventually(outboxDocuments, (n) => n === 0, { what: 'the outbox document deleted' });
  });

  it('recovers a batch whose writer died after storing: the stored states are announced with the same event ids', async () => {
    const staged = await outbox.stage(states, { batch: 'b2' });
    const stored = [state('b2', 11), state('b2', 13)];
    await states.collection.insertMany(stored as never[]);
    // The writer died before committing; its lease then ran out.
    await states.db
      .collection('outbox_batches')
      .updateMany({}, { $set: { leaseUntil: new Date(0) } });
    const before = received.length;
    expect(await outbox.sweep()).toBe(2);
    await eventually(
      () => received.length - before,
      (n) => n === 2,
      { what: 'the recovered events' },
    );
    const recovered = received.slice(before);
    expect(recovered.map((e) => e.eventId).sort()).toEqual(stored.map((s) => s.eventId).sort());
    expect(recovered.every((e) => e.correlationId === staged.header.correlationId)).toBe(true);
    expect(recovered.every((e) => e.occurredAt === staged.header.occurredAt)).toBe(true);
    expect(await outboxDocuments()).toBe(0);
    await sleep(300);
    expect(received.length - before).toBe(2);
  });

  it('drops the outbox document of a writer that died before storing anything', async () => {
    await outbox.stage(states, { batch: 'b3' });
    await states.db
      .collection('outbox_batches')
      .updateMany({}, { $set: { leaseUntil: new Date(0) } });
    const before = received.length;
    expect(await outbox.sweep()).toBe(0);
    expect(await outboxDocuments()).toBe(0);
    expect(received.length).toBe(before);
  });

  it('leaves a batch whose writer still holds the lease to its writer', async () => {
    const staged = await outbox.stage(states, { batch: 'b4' });
    expect(await outbox.sweep()).toBe(0);
    expect(await outboxDocuments()).toBe(1);
    await outbox.commit(staged, []);
    expect(await outboxDocuments()).toBe(0);
  });

  it('keeps the batch of a slow but live writer: its lease is renewed, the sweep never takes it', async () => {
    const staged = await outbox.stage(states, { batch: 'b5' });
    const first = [state('b5', 21)];
    await states.collection.insertMany(first as never[]);
    // The writer is slow: three lease lengths pass between its chunks while sweeps run.
    for (let n = 0; n < 6; n += 1) {
      await sleep(450);
      expect(await outbox.sweep()).toBe(0);
    }
    expect(await outboxDocuments()).toBe(1);
    const later = [state('b5', 23), state('b5', 25)];
    await states.collection.insertMany(later as never[]);
    const before = received.length;
    await outbox.commit(staged, [...first, ...later]);
    await eventually(
      () => received.length - before,
      (n) => n === 3,
      { what: 'every chunk announced' },
    );
    await eventually(outboxDocuments, (n) => n === 0, { what: 'the outbox document deleted' });
  });
});
