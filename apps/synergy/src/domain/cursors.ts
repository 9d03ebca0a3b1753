/**
 * Opaque cursors of the lists: the sort key of the last item shown, base64url. A cursor that
 * does not decode is bad input (the caller names the `cursor` field).
 */
export interface TimeCursor {
  time: number;
  id: string;
}

export interface ScoreCursor {
  score: number;
  id: string;
}

export function encodeTimeCursor(cursor: TimeCursor): string {
  return Buffer.from(`t|${cursor.time}|${cursor.id}`).toString('base64url');
}

export function decodeTimeCursor(value: string): TimeCursor | null {
  const [kind, time, id, ...rest] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  const parsed = Number(time);
  if (kind !== 't' || !id || rest.length > 0 || !Number.isSafeInteger(parsed) || parsed < 0)
    return null;
  return { time: parsed, id };
}

export function encodeScoreCursor(cursor: ScoreCursor): string {
  return Buffer.from(`s|${cursor.score}|${cursor.id}`).toString('base64url');
}

export function decodeScoreCursor(value: string): ScoreCursor | null {
  const [kind, score, id, ...rest] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  const parsed = Number(score);
  if (kind !== 's' || !id || rest.length > 0 || score === '' || !Number.isFinite(parsed))
    return null;
  return { score: parsed, id };
}
