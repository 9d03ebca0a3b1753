import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { AuditEventResponse, AuditType, Page } from '@prepmate/contracts';
import { afterIdFilter, idPage, isDuplicateKeyError, ROOT_LOGGER } from '@prepmate/platform';
import type { Model } from 'mongoose';
import type { Logger } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import { AUDIT_EVENT_MODEL, type AuditEventDocument } from './audit-event.schema';

export interface AuditEntry {
  type: AuditType;
  actorId?: string | null;
  subjectId?: string | null;
  client?: string | null;
  details?: Record<string, unknown>;
  /** An id from elsewhere (the event that carried it), so a redelivery is stored once. */
  id?: string;
  at?: Date;
}

/**
 * The append-only audit log in `audit_events`: entries are inserted, never changed, with
 * one exception — `forgetClient` removes the client address of a user who deleted their
 * account (the entry itself stays, pseudonymous: its user id no longer names anyone).
 */
@Injectable()
export class AuditEventStore {
  private readonly log: Logger;

  constructor(
    @InjectModel(AUDIT_EVENT_MODEL) private readonly events: Model<AuditEventDocument>,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'audit' });
  }

  /** Appends an entry; a duplicate id (a redelivered event) is already stored. */
  async record(entry: AuditEntry): Promise<void> {
    const document: AuditEventDocument = {
      _id: entry.id ?? uuidv7(),
      type: entry.type,
      at: entry.at ?? new Date(),
      actorId: entry.actorId ?? null,
      subjectId: entry.subjectId ?? null,
      client: entry.client ?? null,
      details: entry.details ?? {},
    };
    try {
      await this.events.create(document);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    this.log.info(
      { audit: document.type, actorId: document.actorId, subjectId: document.subjectId },
      'audit event recorded',
    );
  }

  /** Newest first; the cursor is the id of the last entry of the previous page. */
  async page(limit: number, cursor?: string): Promise<Page<AuditEventResponse>> {
    const items = await this.events
      .find(afterIdFilter(cursor, 'desc'))
      .sort({ _id: -1 })
      .limit(limit + 1)
      .lean<AuditEventDocument[]>();
    const page = idPage(items, limit);
    return { items: page.items.map(toResponse), nextCursor: page.nextCursor };
  }

  /** The entries about the user or by the user (for their export), oldest first. */
  async forUser(userId: string): Promise<AuditEventResponse[]> {
    const [about, by] = await Promise.all([
      this.events.find({ subjectId: userId }).lean<AuditEventDocument[]>(),
      this.events.find({ actorId: userId }).lean<AuditEventDocument[]>(),
    ]);
    const unique = new Map([...about, ...by].map((event) => [event._id, event]));
    return [...unique.values()].sort((a, b) => a._id.localeCompare(b._id)).map(toResponse);
  }

  /** Removes the client addresses from the user's entries (their account was deleted). */
  async forgetClient(userId: string): Promise<number> {
    const [about, by] = await Promise.all([
      this.events.updateMany({ subjectId: userId }, { $set: { client: null } }),
      this.events.updateMany({ actorId: userId }, { $set: { client: null } }),
    ]);
    return about.modifiedCount + by.modifiedCount;
  }
}

function toResponse(event: AuditEventDocument): AuditEventResponse {
  return {
    id: event._id,
    type: event.type,
    at: new Date(event.at).toISOString(),
    actorId: event.actorId,
    subjectId: event.subjectId,
    client: event.client,
    details: event.details ?? {},
  };
}
