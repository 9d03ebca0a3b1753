import { decodeKeysetCursor, encodeKeysetCursor } from './keyset-cursor';

describe('keyset cursors', () => {
  it('decodes what it encodes', () => {
    const position = { key: 1_764_547_200_000, id: '0193a4b2-7c1d-7000-8000-000000000001' };
    expect(decodeKeysetCursor(encodeKeysetCursor(position), { integer: true })).toEqual(position);
    const score = { key: 0.8125, id: 'u1:u2' };
    expect(decodeKeysetCursor(encodeKeysetCursor(score, { tag: 's' }), { tag: 's' })).toEqual(
      score,
    );
  });

  it('keeps the formats lists handed out: key|id, or tag|key|id', () => {
    expect(encodeKeysetCursor({ key: 5, id: 'a' })).toBe(Buffer.from('5|a').toString('base64url'));
    expect(encodeKeysetCursor({ key: 5, id: 'a' }, { tag: 't' })).toBe(
      Buffer.from('t|5|a').toString('base64url'),
    );
  });

  it("refuses a cursor of another list's kind", () => {
    const time = encodeKeysetCursor({ key: 5, id: 'a' }, { tag: 't' });
    expect(decodeKeysetCursor(time, { tag: 's' })).toBeNull();
    expect(decodeKeysetCursor(encodeKeysetCursor({ key: 5, id: 'a' }), { tag: 't' })).toBeNull();
  });

  it.each([
    ['not base64 at all', '%%%'],
    ['no id', Buffer.from('5|').toString('base64url')],
    ['no key', Buffer.from('|a').toString('base64url')],
    ['a key that is no number', Buffer.from('x|a').toString('base64url')],
    ['extra parts', Buffer.from('5|a|b').toString('base64url')],
    ['an overlong id', Buffer.from(`5|${'a'.repeat(201)}`).toString('base64url')],
  ])('refuses %s', (_, cursor) => {
    expect(decodeKeysetCursor(cursor)).toBeNull();
  });

  it('takes only non-negative whole keys when the key is a time', () => {
    const negative = encodeKeysetCursor({ key: -5, id: 'a' });
    const fraction = encodeKeysetCursor({ key: 1.5, id: 'a' });
    expect(decodeKeysetCursor(negative, { integer: true })).toBeNull();
    expect(decodeKeysetCursor(fraction, { integer: true })).toBeNull();
    expect(decodeKeysetCursor(fraction)).toEqual({ key: 1.5, id: 'a' });
  });
});
