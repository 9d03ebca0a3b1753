import { AppError } from '../errors/app-error';
import { offsetPage } from './offset-page';

describe('offsetPage', () => {
  const all = ['a', 'b', 'c', 'd', 'e'];

  it('walks the list page by page with the cursor it hands out', () => {
    const first = offsetPage(all, { limit: 2 });
    expect(first).toEqual({ items: ['a', 'b'], nextCursor: '2' });
    const second = offsetPage(all, { limit: 2, cursor: first.nextCursor! });
    expect(second).toEqual({ items: ['c', 'd'], nextCursor: '4' });
    expect(offsetPage(all, { limit: 2, cursor: second.nextCursor! })).toEqual({
      items: ['e'],
      nextCursor: null,
    });
  });

  it('has no next page when the list ends exactly at the limit', () => {
    expect(offsetPage(all, { limit: 5 }).nextCursor).toBeNull();
  });

  it('refuses a cursor that is not an offset', () => {
    for (const cursor of ['x', '-1', '1.5'])
      expect(() => offsetPage(all, { limit: 2, cursor })).toThrow(AppError);
  });
});
