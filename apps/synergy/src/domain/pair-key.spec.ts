import { pairKey, partnerOf } from './pair-key';

describe('a pair is stored once with A < B', () => {
  it('orders the two ids whichever side acts and names the partner', () => {
    const one = pairKey('b-user', 'a-user');
    expect(one).toEqual({ id: 'a-user:b-user', userA: 'a-user', userB: 'b-user' });
    expect(pairKey('a-user', 'b-user')).toEqual(one);
    expect(partnerOf(one, 'a-user')).toBe('b-user');
    expect(partnerOf(one, 'b-user')).toBe('a-user');
    expect(() => pairKey('a', 'a')).toThrow();
  });
});
