import type { Logger } from 'pino';
import type { Connection } from 'mongoose';

/** Driver command events, as mongoose's client emits them with `monitorCommands`. */
interface CommandStarted {
  requestId: number;
  commandName: string;
  command: Record<string, unknown>;
}
interface CommandEnded {
  requestId: number;
  commandName: string;
  duration: number;
}

/**
 * Logs every database command slower than `thresholdMs` (warn), with the collection it ran
 * on and the shape of its filter, never the values: on FerretDB a filter that cannot be
 * pushed down to PostgreSQL scans the whole collection, and this is where that shows.
 */
export function logSlowCommands(connection: Connection, logger: Logger, thresholdMs: number): void {
  if (thresholdMs <= 0) return;
  const log = logger.child({ component: 'database' });
  const started = new Map<number, { collection: unknown; filter?: string }>();
  const client = connection.getClient();
  client.on('commandStarted', (event: CommandStarted) => {
    // `find: "<collection>"`, but `getMore: <cursor id>, collection: "<collection>"`
    const named = event.command[event.commandName];
    const collection = typeof named === 'string' ? named : event.command.collection;
    const filter = event.command.filter ?? firstOf(event.command.updates ?? event.command.deletes);
    started.set(event.requestId, { collection, filter: filter ? shapeOf(filter) : undefined });
  });
  const ended = (failed: boolean) => (event: CommandEnded) => {
    const command = started.get(event.requestId);
    started.delete(event.requestId);
    if (event.duration < thresholdMs) return;
    log.warn(
      { command: event.commandName, ...command, durationMs: Math.round(event.duration), failed },
      'slow database command',
    );
  };
  client.on('commandSucceeded', ended(false));
  client.on('commandFailed', ended(true));
}

function firstOf(list: unknown): unknown {
  const first = Array.isArray(list) ? (list[0] as { q?: unknown } | undefined) : undefined;
  return first?.q;
}

/** `{ userId: ?, _id: { $in: [100] } }`: field and operator names, values hidden. */
export function shapeOf(value: unknown): string {
  if (Array.isArray(value)) return `[${value.length}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '{}';
    return `{ ${entries.map(([key, inner]) => `${key}: ${shapeOf(inner)}`).join(', ')} }`;
  }
  return '?';
}
