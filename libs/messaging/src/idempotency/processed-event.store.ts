import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { DUPLICATE_KEY_CODE, ROOT_LOGGER, ServiceConfig } from '@prepmate/platform';
import type { Connection, mongo } from 'mongoose';
import type { Logger } from 'pino';
import { WriteBatcher } from './write-batcher';

interface ProcessedEventDocument {
  _id: string;
  queue: string;
  eventId: string;
  processedAt: Date;
}

interface WriteErrorLike {
  index: number;
  code: number;
}

const COLLECTION = 'processed_events';
const PRUNE_EVERY_MS = 60 * 60 * 1000;

function keyOf(queue: string, eventId: string): string {
  return `${queue}:${eventId}`;
}

/**
 * Which events a service's consumers have taken on, by (queue, eventId). The key is the
 * document id, so two deliveries claiming the same event race on the unique index and
 * exactly one wins. Claims that arrive together are written in one `insertMany`. FerretDB
 * has no TTL index: a scheduled prune removes records older than the retention window.
 */
@Injectable()
export class ProcessedEventStore implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log: Logger;
  private pruneTimer?: NodeJS.Timeout;
  private readonly claims = new WriteBatcher<ProcessedEventDocument, boolean>((documents) =>
    this.insertClaims(documents),
  );

  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly config: ServiceConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'idempotency' });
  }

  private get collection(): mongo.Collection<ProcessedEventDocument> {
    return this.connection.collection<ProcessedEventDocument>(COLLECTION);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.collection.createIndex({ processedAt: 1 });
    this.pruneTimer = setInterval(() => void this.pruneSafely(), PRUNE_EVERY_MS);
    this.pruneTimer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.pruneTimer);
  }

  /** Records the event as taken on; false when it already was (a duplicate). */
  claim(queue: string, eventId: string): Promise<boolean> {
    return this.claims.add({ _id: keyOf(queue, eventId), queue, eventId, processedAt: new Date() });
  }

  /** Forgets a claim whose handling failed, so its retry is handled. */
  async release(queue: string, eventId: string): Promise<void> {
    await this.collection.deleteOne({ _id: keyOf(queue, eventId) });
  }

  async isProcessed(queue: string, eventId: string): Promise<boolean> {
    const found = await this.collection.findOne(
      { _id: keyOf(queue, eventId) },
      { projection: { _id: 1 } },
    );
    return found !== null;
  }

  /** Deletes records older than the retention window; returns how many. */
  async prune(now = new Date()): Promise<number> {
    const cutoff = new Date(
      now.getTime() - this.config.PROCESSED_EVENTS_RETENTION_HOURS * 3_600_000,
    );
    const result = await this.collection.deleteMany({ processedAt: { $lt: cutoff } });
    return result.deletedCount;
  }

  /** One unordered insert; a duplicate-key error on an item means that item was claimed before. */
  private async insertClaims(documents: ProcessedEventDocument[]): Promise<boolean[]> {
    const fresh = documents.map(() => true);
    try {
      await this.collection.insertMany(documents, { ordered: false });
    } catch (error) {
      // The driver gives one WriteError or an array of them.
      const raw = (error as { writeErrors?: WriteErrorLike | WriteErrorLike[] }).writeErrors;
      const writeErrors = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
      if (
        writeErrors.length === 0 ||
        writeErrors.some((writeError) => writeError.code !== DUPLICATE_KEY_CODE)
      )
        throw error;
      for (const writeError of writeErrors) fresh[writeError.index] = false;
    }
    return fresh;
  }

  private async pruneSafely(): Promise<void> {
    try {
      const deleted = await this.prune();
      if (deleted > 0) this.log.info({ deleted }, 'pruned processed event ids');
    } catch (error) {
      this.log.warn({ err: (error as Error).message }, 'pruning processed event ids failed');
    }
  }
}
