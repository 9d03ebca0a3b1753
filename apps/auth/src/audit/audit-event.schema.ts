import type { AuditType } from '@prepmate/contracts';
import { Schema } from 'mongoose';

/** One entry of the append-only audit log (docs/security.md). */
export interface AuditEventDocument {
  /** UUID v7: time-ordered, so the newest-first page is an `_id` range. */
  _id: string;
  type: AuditType;
  at: Date;
  /** Who acted: a user id, `operator:<name>` for the operator command, null for anonymous. */
  actorId: string | null;
  /** The account acted on, when there is one. */
  subjectId: string | null;
  /** The client's address key (IPv4, IPv6 /64); removed when its user deletes the account. */
  client: string | null;
  details: Record<string, unknown>;
}

export const AUDIT_EVENT_MODEL = 'AuditEvent';

export const AuditEventSchema = new Schema<AuditEventDocument>(
  {
    _id: { type: String, required: true },
    type: { type: String, required: true },
    at: { type: Date, required: true },
    actorId: { type: String, default: null, index: true },
    subjectId: { type: String, default: null, index: true },
    client: { type: String, default: null },
    details: { type: Schema.Types.Mixed, default: {} },
  },
  { collection: 'audit_events', versionKey: false, minimize: false },
);
