import { TitleIndex } from './title-index';

describe('TitleIndex', () => {
  it('finds equal and similar titles, not distant ones', () => {
    const index = new TitleIndex();
    index.add('a', 'two sum');
    index.add('b', 'two sums');
    index.add('c', 'three sum');
    index.add('d', 'two sum');
    expect(index.similar('two sum').sort()).toEqual(['a', 'b', 'd']);
    expect(index.similar('longest common prefix')).toEqual([]);
    expect(index.size).toBe(4);
  });
});
