import { parseSseFrames } from './sse-frames';

describe('parseSseFrames', () => {
  it('reads complete frames and keeps the unfinished rest', () => {
    const { frames, rest } = parseSseFrames(
      'retry: 3000\n\n: ping\n\nid: e1\nevent: chat.message_sent\ndata: {"text":"hi"}\n\nid: e2\nda',
    );
    expect(frames).toEqual([{ id: 'e1', event: 'chat.message_sent', data: '{"text":"hi"}' }]);
    expect(rest).toBe('id: e2\nda');
  });

  it('joins several data lines and accepts CRLF line ends', () => {
    const { frames, rest } = parseSseFrames('event: x\r\ndata: a\r\ndata:b\r\n\r\n');
    expect(frames).toEqual([{ id: undefined, event: 'x', data: 'a\nb' }]);
    expect(rest).toBe('');
  });

  it('a frame split across chunks is read once complete', () => {
    const first = parseSseFrames('event: synergy.chat_unlocked\ndata: {"us');
    expect(first.frames).toEqual([]);
    const second = parseSseFrames(`${first.rest}erA":"a"}\n\n`);
    expect(second.frames).toEqual([
      { id: undefined, event: 'synergy.chat_unlocked', data: '{"userA":"a"}' },
    ]);
  });
});
