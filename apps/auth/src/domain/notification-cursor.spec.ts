import { decodeNotificationCursor, encodeNotificationCursor } from './notification-cursor';

describe('notification cursors', () => {
  it('round-trips time and id', () => {
    const cursor = { time: 1_767_225_600_000, id: '0190a4c0-0000-7000-8000-000000000001:u' };
    expect(decodeNotificationCursor(encodeNotificationCursor(cursor))).toEqual(cursor);
  });

  it('refuses what it did not hand out', () => {
    expect(decodeNotificationCursor('bogus')).toBeNull();
    expect(decodeNotificationCursor(Buffer.from('x|id').toString('base64url'))).toBeNull();
    expect(decodeNotificationCursor(Buffer.from('12|').toString('base64url'))).toBeNull();
    expect(decodeNotificationCursor('')).toBeNull();
  });
});
