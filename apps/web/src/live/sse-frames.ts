/** One Server-Sent Events frame (comments and `retry:` lines dropped). */
export interface SseFrame {
  id?: string;
  event?: string;
  data: string;
}

/**
 * Splits what a `text/event-stream` delivered so far into complete frames (a blank line ends
 * one) and the unfinished rest, to be prefixed to the next chunk. Lines end in LF or CRLF;
 * several `data:` lines join with LF, as the SSE specification says.
 */
export function parseSseFrames(buffer: string): { frames: SseFrame[]; rest: string } {
  const text = buffer.replace(/\r\n?/g, '\n');
  const frames: SseFrame[] = [];
  let start = 0;
  let end: number;
  while ((end = text.indexOf('\n\n', start)) >= 0) {
    const frame = parseBlock(text.slice(start, end));
    if (frame) frames.push(frame);
    start = end + 2;
  }
  return { frames, rest: text.slice(start) };
}

function parseBlock(block: string): SseFrame | null {
  const data: string[] = [];
  let id: string | undefined;
  let event: string | undefined;
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'id') id = value;
    else if (field === 'event') event = value;
  }
  if (data.length === 0) return null;
  return { id, event, data: data.join('\n') };
}
