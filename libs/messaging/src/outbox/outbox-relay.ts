import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { EventEnvelope } from '@prepmate/contracts';
import { InjectConnection } from '@nestjs/mongoose';
import { chunkedBulkWrite, ROOT_LOGGER, ServiceConfig } from '@prepmate/platform';
import type { Connection, Model, mongo } from 'mongoose';
import type { Logger } from 'pino';
import { Gauge } from 'prom-client';
import { EventPublisher } from '../publishing/event-publisher';
import { unregisteredOutboxCollections } from './outbox-registration';

/** Any mongoose model whose schema has the outbox plugin. */
export type OutboxModel = Pick<Model<unknown>, 'collection'>;

type Collection<T extends mongo.Document> = mongo.Collection<T>;
type Document = mongo.Document;

interface OutboxDocument extends Document {
  _id: unknown;
  pendingEvents: EventEnvelope[];
}

/** A sweep leaves events younger than this to the fast path that follows their write. */
const SWEEP_MIN_AGE_MS = 2000;
/** How long a sweeping replica owns a document's pending events. */
const LEASE_MS = 30_000;
const SWEEP_BATCH = 200;
/** Flagged documents one sweep looks at; a bigger backlog is taken over the next sweeps. */
const SWEEP_SCAN_LIMIT = 200;

const outboxPublished = new Gauge({
  name: 'messaging_outbox_last_sweep_published',
  help: 'Events the last outbox sweep published (non-zero means the fast path missed some)',
});

/**
 * Publishes the events that state changes left in their documents, then removes them from
 * the document. Two paths: `relay(model, ids)` right after a write, and a periodic sweep
 * (also on start) that claims documents with old pending events under a lease, so a crash
 * between a write and its publish loses nothing. Consumers are idempotent by eventId, so a
 * rare double publish (fast path and sweep racing) is harmless.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly collections = new Map<string, Collection<OutboxDocument>>();
  private readonly log: Logger;
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<number>;

  constructor(
    private readonly publisher: EventPublisher,
    private readonly config: ServiceConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
    @InjectConnection() private readonly connection: Connection,
  ) {
    this.log = logger.child({ component: 'outbox' });
  }

  /**
   * Adds a model whose documents carry outbox fields to the sweep. The store that owns the
   * model calls it in its `onModuleInit` (docs/architecture.md#persistence).
   */
  register(model: OutboxModel): void {
    this.collections.set(
      model.collection.collectionName,
      model.collection as unknown as Collection<OutboxDocument>,
    );
  }

  onApplicationBootstrap(): void {
    this.assertAllRegistered();
    void this.sweep();
    this.timer = setInterval(() => void this.sweep(), this.config.OUTBOX_SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /**
   * Refuses to start when a model of this service's database has the outbox fields but was
   * never registered: its events would be published by the fast path at best, and a crash
   * after a write would lose them silently, since no sweep would ever look at it.
   */
  assertAllRegistered(): void {
    const forgotten = unregisteredOutboxCollections(
      this.connection,
      new Set(this.collections.keys()),
    );
    if (forgotten.length > 0)
      throw new Error(
        `outbox collections without a registration: ${forgotten.join(', ')} (their store must ` +
          'call OutboxRelay.register in onModuleInit; docs/architecture.md#persistence)',
      );
  }

  /** Publishes the pending events of these documents now (the fast path after a write). */
  async relay(model: OutboxModel, ids: unknown[]): Promise<number> {
    if (ids.length === 0) return 0;
    const collection = model.collection as unknown as Collection<OutboxDocument>;
    const docs = await collection
      // one id is an equality, which FerretDB answers from its index; `$in` it evaluates
      // over the whole collection
      .find({ _id: ids.length === 1 ? ids[0] : { $in: ids }, outboxPending: true } as Document, {
        projection: { pendingEvents: 1 },
      })
      .toArray();
    return this.publishAndRemove(collection, docs, false);
  }

  /** Like `relay`, but never rejects: failures stay pending for the sweep and are logged. */
  async relayOrLeave(model: OutboxModel, ids: unknown[]): Promise<void> {
    await this.relay(model, ids).catch((error: Error) =>
      this.log.warn(
        { err: error.message, collection: model.collection.collectionName },
        'outbox fast path failed; the sweep will retry',
      ),
    );
  }

  /** `relayOrLeave` in the background. */
  relaySoon(model: OutboxModel, ids: unknown[]): void {
    void this.relayOrLeave(model, ids);
  }

  /** One pass over every registered collection; concurrent calls share the pass. */
  sweep(): Promise<number> {
    this.sweeping ??= this.sweepAll().finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private async sweepAll(): Promise<number> {
    let published = 0;
    for (const [name, collection] of this.collections) {
      try {
        published += await this.sweepCollection(collection);
      } catch (error) {
        this.log.warn({ err: (error as Error).message, collection: name }, 'outbox sweep failed');
      }
    }
    outboxPublished.set(published);
    if (published > 0) this.log.info({ published }, 'outbox sweep published pending events');
    return published;
  }

  private async sweepCollection(collection: Collection<OutboxDocument>): Promise<number> {
    const now = new Date();
    const cutoff = new Date(now.getTime() - SWEEP_MIN_AGE_MS).toISOString();
    const flagged = await collection
      .find({ outboxPending: true } as Document, {
        projection: { pendingEvents: 1, outboxLeaseUntil: 1 },
      })
      .limit(SWEEP_SCAN_LIMIT)
      .toArray();
    // Flags left on documents whose outbox is empty (a flag update that failed) are cleared.
    await chunkedBulkWrite(
      collection,
      flagged
        .filter((doc) => doc.pendingEvents.length === 0)
        .map((doc) => ({
          updateOne: {
            filter: { _id: doc._id, pendingEvents: { $size: 0 } },
            update: { $set: { outboxPending: false } },
          },
        })),
    );
    const due = flagged.filter(
      (doc) =>
        doc.pendingEvents.length > 0 &&
        doc.pendingEvents[0].occurredAt < cutoff &&
        (!doc.outboxLeaseUntil || (doc.outboxLeaseUntil as Date) < now),
    );
    let published = 0;
    for (let start = 0; start < due.length; start += SWEEP_BATCH) {
      const claimed: OutboxDocument[] = [];
      for (const doc of due.slice(start, start + SWEEP_BATCH)) {
        const unleased = {
          $or: [{ outboxLeaseUntil: null }, { outboxLeaseUntil: { $lt: new Date() } }],
        };
        const result = await collection.updateOne({ _id: doc._id, ...unleased } as Document, {
          $set: { outboxLeaseUntil: new Date(Date.now() + LEASE_MS) },
        });
        if (result.modifiedCount === 1) claimed.push(doc);
      }
      if (claimed.length === 0) continue;
      const docs = await collection
        .find({ _id: { $in: claimed.map((doc) => doc._id) } } as Document, {
          projection: { pendingEvents: 1 },
        })
        .toArray();
      published += await this.publishAndRemove(collection, docs, true);
    }
    return published;
  }

  /**
   * Publishes each document's events in order (documents in parallel), then removes the
   * confirmed ones. On the fast path a document that still holds exactly the events read
   * (the common case) is emptied and unflagged by one update whose filter is its whole
   * outbox. Otherwise (the sweep, a failed publish, events added meanwhile) the confirmed
   * ones are removed with `$pullAll` of the exact stored elements (FerretDB's `$pull` matches
   * whole elements only) and the flag is dropped by a second, conditional update. A
   * document's first failure stops its remaining events.
   */
  private async publishAndRemove(
    collection: Collection<OutboxDocument>,
    docs: OutboxDocument[],
    releaseLease: boolean,
  ): Promise<number> {
    const sent = await Promise.all(
      docs.map(async (doc) => {
        const confirmed: EventEnvelope[] = [];
        for (const event of doc.pendingEvents) {
          try {
            await this.publisher.publish(event);
            confirmed.push(event);
          } catch (error) {
            this.log.warn(
              { err: (error as Error).message, eventId: event.eventId, type: event.type },
              'outbox publish failed; will retry',
            );
            break;
          }
        }
        return { doc, confirmed };
      }),
    );
    const emptied = releaseLease ? new Set<unknown>() : await this.emptyWhole(collection, sent);
    const operations: mongo.AnyBulkWriteOperation<OutboxDocument>[] = sent
      .filter(({ doc }) => !emptied.has(doc._id))
      .filter(({ confirmed }) => confirmed.length > 0 || releaseLease)
      .map(({ doc, confirmed }) => ({
        updateOne: {
          filter: { _id: doc._id } as Document,
          update: {
            ...(confirmed.length > 0 ? { $pullAll: { pendingEvents: confirmed } } : {}),
            ...(releaseLease ? { $set: { outboxLeaseUntil: null } } : {}),
          } as Document,
        },
      }));
    await chunkedBulkWrite(collection, operations);
    // A document whose outbox is now empty drops its flag (a conditional update, so an event
    // added meanwhile keeps it flagged).
    const drained = sent.filter(
      ({ doc, confirmed }) =>
        !emptied.has(doc._id) && confirmed.length === doc.pendingEvents.length,
    );
    await chunkedBulkWrite(
      collection,
      drained.map(({ doc }) => ({
        updateOne: {
          filter: { _id: doc._id, pendingEvents: { $size: 0 } },
          update: { $set: { outboxPending: false } },
        },
      })),
    );
    return sent.reduce((total, { confirmed }) => total + confirmed.length, 0);
  }

  /**
   * Empties and unflags, one update each, the documents whose every event was confirmed and
   * whose outbox still equals what was read; returns their ids (the others are left as they are).
   */
  private async emptyWhole(
    collection: Collection<OutboxDocument>,
    sent: Array<{ doc: OutboxDocument; confirmed: EventEnvelope[] }>,
  ): Promise<Set<unknown>> {
    const whole = sent.filter(
      ({ doc, confirmed }) => confirmed.length > 0 && confirmed.length === doc.pendingEvents.length,
    );
    const results = await Promise.all(
      whole.map(({ doc }) =>
        collection.updateOne({ _id: doc._id, pendingEvents: doc.pendingEvents } as Document, {
          $set: { pendingEvents: [], outboxPending: false },
        }),
      ),
    );
    return new Set(
      whole.filter((_, i) => results[i].modifiedCount === 1).map(({ doc }) => doc._id),
    );
  }
}
