const LEVEL_WIDTH = 5;
const SHOWN_FIELDS = [
  'requestId',
  'method',
  'path',
  'status',
  'durationMs',
  'queue',
  'queues',
  'port',
  'err',
  'reason',
];

/** One pino JSON line of a service as a short human line; other lines pass through. */
export function formatServiceLine(service: string, line: string): string {
  const prefix = service.padEnd(13);
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return `${prefix} ${line}`;
  }
  const time = typeof record.time === 'string' ? record.time.slice(11, 19) : '';
  const level = String(record.level ?? '').padEnd(LEVEL_WIDTH);
  const extras = SHOWN_FIELDS.filter((key) => record[key] !== undefined)
    .map(
      (key) =>
        `${key}=${typeof record[key] === 'object' ? JSON.stringify(record[key]) : String(record[key])}`,
    )
    .join(' ');
  return `${time} ${prefix} ${level} ${String(record.msg ?? '')}${extras ? `  ${extras}` : ''}`;
}
