import { shapeOf } from './slow-commands';

describe('shapeOf (slow command logs)', () => {
  it('keeps field and operator names and hides every value', () => {
    expect(
      shapeOf({ userId: 'u-1', _id: { $in: ['a', 'b', 'c'] }, at: { $lte: new Date(0) } }),
    ).toBe('{ userId: ?, _id: { $in: [3] }, at: { $lte: ? } }');
  });

  it('shows $or branches by count and an empty filter as {}', () => {
    expect(shapeOf({ $or: [{ a: 1 }, { b: 2 }] })).toBe('{ $or: [2] }');
    expect(shapeOf({})).toBe('{}');
  });
});
