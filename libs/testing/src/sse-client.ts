/** One Server-Sent Events frame as a client sees it. */
export interface SseFrame {
  id?: string;
  event?: string;
  data: string;
}

export interface SseStream {
  status: number;
  contentType: string | null;
  readonly frames: SseFrame[];
  close(): void;
}

/**
 * Opens `GET <url>` with a bearer token and parses the text/event-stream it answers into
 * frames (comments skipped), the way a browser's EventSource would, until closed.
 */
export async function openSse(url: string, token: string): Promise<SseStream> {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
    signal: controller.signal,
  });
  const frames: SseFrame[] = [];
  if (response.ok && response.body) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += decoder.decode(value, { stream: true });
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const frame = parseFrame(block);
            if (frame) frames.push(frame);
          }
        }
      } catch {
        // aborted by close()
      }
    })();
  }
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    frames,
    close: () => controller.abort(),
  };
}

function parseFrame(block: string): SseFrame | null {
  const frame: SseFrame = { data: '' };
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id') frame.id = value;
    else if (field === 'event') frame.event = value;
    else if (field === 'data') data.push(value);
  }
  if (data.length === 0) return null;
  frame.data = data.join('\n');
  return frame;
}
