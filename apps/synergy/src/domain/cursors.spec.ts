import {
  decodeScoreCursor,
  decodeTimeCursor,
  encodeScoreCursor,
  encodeTimeCursor,
} from './cursors';

describe('list cursors', () => {
  it('round-trip their sort key and refuse anything they did not produce', () => {
    expect(decodeTimeCursor(encodeTimeCursor({ time: 1_700_000_000_000, id: 'p1' }))).toEqual({
      time: 1_700_000_000_000,
      id: 'p1',
    });
    expect(decodeScoreCursor(encodeScoreCursor({ score: 0.606666667, id: 'a:b' }))).toEqual({
      score: 0.606666667,
      id: 'a:b',
    });
    expect(decodeTimeCursor(encodeScoreCursor({ score: 0.5, id: 'x' }))).toBeNull();
    expect(decodeScoreCursor(encodeTimeCursor({ time: 5, id: 'x' }))).toBeNull();
    expect(decodeTimeCursor('not-a-cursor')).toBeNull();
    expect(decodeScoreCursor('')).toBeNull();
  });
});
