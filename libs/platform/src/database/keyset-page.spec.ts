import { afterIdFilter, afterKeyFilter, idPage, keysetPage } from './keyset-page';

describe('keyset pages', () => {
  it('starts after the cursor id in either order, and anywhere without one', () => {
    expect(afterIdFilter('b', 'asc')).toEqual({ _id: { $gt: 'b' } });
    expect(afterIdFilter('b', 'desc')).toEqual({ _id: { $lt: 'b' } });
    expect(afterIdFilter(undefined, 'desc')).toEqual({});
    expect(afterIdFilter('', 'asc')).toEqual({});
  });

  it('starts after a sort key and id: a later key, or the same key and a later id', () => {
    const time = new Date(5);
    expect(
      afterKeyFilter('createdAt', { key: time, id: 'x' }, { key: 'desc', id: 'desc' }),
    ).toEqual({ $or: [{ createdAt: { $lt: time } }, { createdAt: time, _id: { $lt: 'x' } }] });
    expect(afterKeyFilter('score', { key: 0.5, id: 'x' }, { key: 'desc', id: 'asc' })).toEqual({
      $or: [{ score: { $lt: 0.5 } }, { score: 0.5, _id: { $gt: 'x' } }],
    });
  });

  it('shows limit items and the cursor of the last when more were read', () => {
    const docs = [{ _id: 'a' }, { _id: 'b' }, { _id: 'c' }];
    expect(idPage(docs, 2)).toEqual({ items: [{ _id: 'a' }, { _id: 'b' }], nextCursor: 'b' });
    expect(idPage(docs, 3)).toEqual({ items: docs, nextCursor: null });
    expect(keysetPage(docs, 1, (last) => `after-${last._id}`).nextCursor).toBe('after-a');
    expect(idPage([], 2)).toEqual({ items: [], nextCursor: null });
  });
});
