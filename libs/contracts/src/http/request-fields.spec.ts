import { TOPIC_SLUG, trimString } from './request-fields';

describe('request fields', () => {
  it('trims strings and leaves other values as they are', () => {
    expect(trimString({ value: '  ada  ' })).toBe('ada');
    expect(trimString({ value: 7 })).toBe(7);
    expect(trimString({ value: undefined })).toBeUndefined();
  });

  it('takes lower-case hyphenated words as topic slugs', () => {
    expect(TOPIC_SLUG.test('dynamic-programming')).toBe(true);
    expect(TOPIC_SLUG.test('graphs2')).toBe(true);
    for (const bad of ['Graphs', 'dynamic--programming', '-graphs', 'graphs-', 'a b', ''])
      expect(TOPIC_SLUG.test(bad)).toBe(false);
  });
});
