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

  it('leaves out problems that already have one of the platform asked for', () => {
    const index = new TitleIndex();
    index.add('a', 'two sum', ['leetcode']);
    index.add('b', 'two sums', ['codeforces']);
    index.add('c', 'two sum');
    expect(index.similar('two sum', 'leetcode').sort()).toEqual(['b', 'c']);
    expect(index.similar('two sum', 'codeforces').sort()).toEqual(['a', 'c']);
    expect(index.similar('two sum').sort()).toEqual(['a', 'b', 'c']);
  });

  it('learns platforms added later, for known problems only', () => {
    const index = new TitleIndex();
    index.add('a', 'two sum', ['leetcode']);
    index.addPlatform('a', 'geeksforgeeks');
    index.addPlatform('unknown', 'geeksforgeeks');
    expect(index.similar('two sum', 'geeksforgeeks')).toEqual([]);
    expect(index.similar('two sum', 'atcoder')).toEqual(['a']);
    expect(index.size).toBe(1);
  });

  it('adding a problem again keeps one entry and merges its platforms', () => {
    const index = new TitleIndex();
    index.add('a', 'two sum', ['leetcode']);
    index.add('a', 'two sum', ['codeforces']);
    expect(index.size).toBe(1);
    expect(index.similar('two sum')).toEqual(['a']);
    expect(index.similar('two sum', 'codeforces')).toEqual([]);
  });
});
