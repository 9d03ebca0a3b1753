import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { ROOT_LOGGER, ServiceConfig } from '@prepmate/platform';
import type { Collection, Connection } from 'mongoose';
import type { Logger } from 'pino';

interface ProcessedEventDocument {
  _id: string;
  queue: string;
  eventId: string;
  processedAt: Date;
}

const COLLECTION = 'processed_events';
const PRUNE_EVERY_MS = 60 * 60 * 1000;

function keyOf(queue: string, eventId: string): string {
  return `${queue}:${eventId}`;
}

/**
 * Which events a service's consumers have already handled, by (queue, eventId). The key is
 * the document id, so two replicas marking the same event race on a unique index. FerretDB
 * has no TTL index: a scheduled prune removes entries older than the retention window.
 */
@Injectable()
export class ProcessedEventStore implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log: Logger;
  private pruneTimer?: NodeJS.Timeout;

  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly config: ServiceConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'idempotency' });
  }

  private get collection(): Collection<ProcessedEventDocument> {
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

  async isProcessed(queue: string, eventId: string): Promise<boolean> {
    const found = await this.collection.findOne(
      { _id: keyOf(queue, eventId) },
      { projection: { _id: 1 } },
    );
    return found !== null;
  }

  /** Records the event as handled; a second mark of the same event is a no-op. */
  async markProcessed(queue: string, eventId: string): Promise<void> {
    try {
      await this.collection.insertOne({
        _id: keyOf(queue, eventId),
        queue,
        eventId,
        processedAt: new Date(),
      });
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
    }
  }

  /** Deletes records older than the retention window; returns how many. */
  async prune(now = new Date()): Promise<number> {
    const cutoff = new Date(
      now.getTime() - this.config.PROCESSED_EVENTS_RETENTION_HOURS * 3_600_000,
    );
    const result = await this.collection.deleteMany({ processedAt: { $lt: cutoff } });
    return result.deletedCount;
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
