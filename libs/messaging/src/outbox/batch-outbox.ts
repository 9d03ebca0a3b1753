import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { EventEnvelope } from '@prepmate/contracts';
import { currentContext, ROOT_LOGGER, ServiceConfig } from '@prepmate/platform';
import type { Model, mongo } from 'mongoose';
import type { Logger } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import { EventPublisher } from '../publishing/event-publisher';

/** A model whose documents are written in bulk (their events go through the batch outbox). */
export type BatchStateModel = Pick<Model<unknown>, 'collection' | 'db'>;

/** What every event of one batch shares: when it happened and the request it came from. */
export interface BatchHeader {
  occurredAt: string;
  correlationId: string;
}

/**
 * The event announcing one stored state, or null when that state announces nothing (a
 * compilation error, say). Must be a pure function of the state and the header: the writer
 * and the sweep build the same event (the event id is kept in the state).
 */
export type BatchEventOf<S> = (state: S, header: BatchHeader) => EventEnvelope | null;

/**
 * The outbox document of one batch, written before its states: whose lease until when, and
 * the filter that finds the batch's states. The events are not stored — they are built from
 * the states — so the document stays small whatever the batch size (large documents are
 * costly to write, read and delete on FerretDB).
 */
interface OutboxBatchDocument extends mongo.Document {
  _id: string;
  stateCollection: string;
  stateFilter: Record<string, unknown>;
  header: BatchHeader;
  leaseUntil: Date | null;
  /** Who holds the lease: the writer's token, replaced by a sweep that takes the batch over. */
  leaseToken?: string;
  createdAt: Date;
}

export interface StagedBatch {
  collection: mongo.Collection<OutboxBatchDocument>;
  id: string;
  header: BatchHeader;
  eventOf: BatchEventOf<never>;
  /** The writer's lease token; its writes to the outbox document are fenced by it. */
  token: string;
  /** Stops renewing the writer's lease. */
  stopRenewal: () => void;
}

const COLLECTION = 'outbox_batches';
/** Publishes in flight while a batch is relayed. */
const IN_FLIGHT = 256;
/** Batches one process publishes in the background at once; a further commit waits for one. */
const BACKGROUND_COMMITS = 4;

/**
 * The outbox of bulk writes (imports of thousands of submissions, normalization batches):
 * rather than an event in each of thousands of documents — and thousands of updates to clear
 * them — a batch is announced by one small outbox document written *before* its states,
 * under the writer's lease. Once the states are written the events of the ones really stored
 * (duplicates drop out) are published and the document deleted. A crash in between is
 * recovered by the sweep once the lease has run out: it finds the batch's stored states with
 * the batch's own filter and publishes their events, built again by the same function (the
 * event id lives in the state). Consumers are idempotent by eventId, so a batch published
 * twice is harmless.
 *
 * The lease (OUTBOX_BATCH_LEASE_MS) is renewed every third of its length for as long as the
 * writer is alive — a slow writer (10 000 records on a loaded database) keeps its batch — and
 * fenced by a token: a sweep that takes a batch over sets its own token, so the first writer's
 * late delete or release changes nothing. Background publishing after a commit is bounded
 * (BACKGROUND_COMMITS batches at once) and awaited, within SHUTDOWN_TIMEOUT_MS, at shutdown;
 * what does not finish stays in the outbox for the sweep.
 * (docs/reliability.md#outbox)
 */
@Injectable()
export class BatchOutbox implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly outboxes = new Map<string, mongo.Collection<OutboxBatchDocument>>();
  private readonly states = new Map<
    string,
    { collection: mongo.Collection; eventOf: BatchEventOf<never> }
  >();
  private readonly log: Logger;
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<number>;
  private readonly background = new Set<Promise<void>>();

  constructor(
    private readonly publisher: EventPublisher,
    private readonly config: ServiceConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'batch-outbox' });
  }

  /** A model written in bulk, how its states become events, and its database's outbox for the sweep. */
  register<S>(model: BatchStateModel, eventOf: BatchEventOf<S>): void {
    this.states.set(model.collection.collectionName, {
      collection: model.collection as unknown as mongo.Collection,
      eventOf: eventOf as BatchEventOf<never>,
    });
    this.outboxes.set(model.db.name, this.collectionOf(model));
  }

  onApplicationBootstrap(): void {
    void this.sweep();
    this.timer = setInterval(() => void this.sweep(), this.config.OUTBOX_SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  /** Waits (bounded) for the batches still being published in the background. */
  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    if (this.background.size === 0) return;
    this.log.info({ batches: this.background.size }, 'waiting for batch publishes');
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.background]),
      new Promise((resolve) => (timer = setTimeout(resolve, this.config.SHUTDOWN_TIMEOUT_MS))),
    ]);
    clearTimeout(timer);
  }

  /** Batches being published in the background (for tests). */
  get publishing(): number {
    return this.background.size;
  }

  private get leaseMs(): number {
    return this.config.OUTBOX_BATCH_LEASE_MS;
  }

  /** Step 1, before the states are written: the batch's outbox document, under the writer's lease. */
  async stage(model: BatchStateModel, stateFilter: Record<string, unknown>): Promise<StagedBatch> {
    const registered = this.states.get(model.collection.collectionName);
    if (!registered)
      throw new Error(`${model.collection.collectionName} is not registered with the batch outbox`);
    const now = new Date();
    const id = uuidv7();
    const header: BatchHeader = {
      occurredAt: now.toISOString(),
      correlationId: currentContext()?.correlationId ?? id,
    };
    const collection = this.collectionOf(model);
    const token = uuidv7();
    await collection.insertOne({
      _id: id,
      stateCollection: model.collection.collectionName,
      stateFilter,
      header,
      leaseUntil: new Date(now.getTime() + this.leaseMs),
      leaseToken: token,
      createdAt: now,
    });
    const stopRenewal = this.renewWhileAlive(collection, id, token);
    return { collection, id, header, eventOf: registered.eventOf, token, stopRenewal };
  }

  /** Extends the writer's lease every third of its length while the token is still its own. */
  private renewWhileAlive(
    collection: mongo.Collection<OutboxBatchDocument>,
    id: string,
    token: string,
  ): () => void {
    const timer = setInterval(() => {
      collection
        .updateOne(
          { _id: id, leaseToken: token },
          { $set: { leaseUntil: new Date(Date.now() + this.leaseMs) } },
        )
        .then((result) => {
          if (result.matchedCount === 0) clearInterval(timer); // committed, or taken over
        })
        .catch((error: Error) =>
          this.log.warn({ err: error.message, batch: id }, 'could not renew the batch lease'),
        );
    }, this.leaseMs / 3);
    timer.unref();
    return () => clearInterval(timer);
  }

  /**
   * Step 2, after the states were written: publishes the events of the states this batch
   * really stored in the background, then deletes the outbox document.
   */
  async commit<S>(batch: StagedBatch, stored: readonly S[]): Promise<void> {
    const events = this.eventsOf(batch.eventOf as BatchEventOf<S>, stored, batch.header);
    if (events.length === 0) {
      batch.stopRenewal();
      await batch.collection.deleteOne({ _id: batch.id, leaseToken: batch.token });
      return;
    }
    while (this.background.size >= BACKGROUND_COMMITS) await Promise.race(this.background);
    const publishing: Promise<void> = this.publishAll(events)
      .then(
        async () => {
          await batch.collection.deleteOne({ _id: batch.id, leaseToken: batch.token });
        },
        (error: Error) => this.release(batch.collection, batch.id, batch.token, error),
      )
      .catch((error: Error) =>
        this.log.warn({ err: error.message, batch: batch.id }, 'batch left to the sweep'),
      )
      .finally(() => {
        batch.stopRenewal();
        this.background.delete(publishing);
      });
    this.background.add(publishing);
  }

  /**
   * The writer failed between stage and commit: its lease is no longer renewed, so once it
   * runs out the sweep announces whatever of the batch was stored.
   */
  abandon(batch: StagedBatch): void {
    batch.stopRenewal();
  }

  /** Events of stored states, built as the writer and the sweep both do. */
  private eventsOf<S>(
    eventOf: BatchEventOf<S>,
    stored: readonly S[],
    header: BatchHeader,
  ): EventEnvelope[] {
    return stored
      .map((state) => eventOf(state, header))
      .filter((event): event is EventEnvelope => event !== null);
  }

  /** One pass over every registered database's batches; concurrent calls share the pass. */
  sweep(): Promise<number> {
    this.sweeping ??= this.sweepAll().finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private async sweepAll(): Promise<number> {
    let published = 0;
    for (const collection of this.outboxes.values()) {
      try {
        published += await this.sweepCollection(collection);
      } catch (error) {
        this.log.warn({ err: (error as Error).message }, 'batch outbox sweep failed');
      }
    }
    if (published > 0) this.log.info({ published }, 'batch outbox sweep published pending events');
    return published;
  }

  private async sweepCollection(
    collection: mongo.Collection<OutboxBatchDocument>,
  ): Promise<number> {
    const now = new Date();
    const expired = (await collection.find({}).toArray()).filter(
      (doc) => !doc.leaseUntil || doc.leaseUntil < now,
    );
    let published = 0;
    for (const { _id } of expired) {
      const token = uuidv7();
      const claimed = await collection.findOneAndUpdate(
        { _id, $or: [{ leaseUntil: null }, { leaseUntil: { $lt: now } }] },
        { $set: { leaseUntil: new Date(now.getTime() + this.leaseMs), leaseToken: token } },
        { returnDocument: 'after' },
      );
      if (!claimed) continue;
      const states = this.states.get(claimed.stateCollection);
      if (!states) continue;
      try {
        const stored = await states.collection.find(claimed.stateFilter).toArray();
        const events = this.eventsOf(states.eventOf, stored as never[], claimed.header);
        await this.publishAll(events);
        await collection.deleteOne({ _id, leaseToken: token });
        published += events.length;
      } catch (error) {
        await this.release(collection, _id, token, error as Error);
      }
    }
    return published;
  }

  private async publishAll(events: EventEnvelope[]): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < events.length) await this.publisher.publish(events[next++]);
    };
    await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, events.length) }, worker));
  }

  /** Gives the batch to the next sweep, unless another holder took it over meanwhile. */
  private async release(
    collection: mongo.Collection<OutboxBatchDocument>,
    id: string,
    token: string,
    error: Error,
  ): Promise<void> {
    this.log.warn({ err: error.message, batch: id }, 'batch publish failed; the sweep will retry');
    await collection
      .updateOne({ _id: id, leaseToken: token }, { $set: { leaseUntil: null } })
      .catch(() => undefined);
  }

  private collectionOf(model: BatchStateModel): mongo.Collection<OutboxBatchDocument> {
    return model.db.collection<OutboxBatchDocument>(
      COLLECTION,
    ) as unknown as mongo.Collection<OutboxBatchDocument>;
  }
}
