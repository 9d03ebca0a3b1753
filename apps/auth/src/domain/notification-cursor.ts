/** Keyset position of a notification in the newest-first list: its time, then its id. */
export interface NotificationCursor {
  time: number;
  id: string;
}

export function encodeNotificationCursor(cursor: NotificationCursor): string {
  return Buffer.from(`${cursor.time}|${cursor.id}`).toString('base64url');
}

/** Null for anything that is not a cursor this list handed out. */
export function decodeNotificationCursor(text: string): NotificationCursor | null {
  const decoded = Buffer.from(text, 'base64url').toString('utf8');
  const bar = decoded.indexOf('|');
  if (bar <= 0) return null;
  const time = Number(decoded.slice(0, bar));
  const id = decoded.slice(bar + 1);
  if (!Number.isSafeInteger(time) || time < 0 || id === '' || id.length > 120) return null;
  return { time, id };
}
