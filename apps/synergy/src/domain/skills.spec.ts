import { normalizeSkills } from './skills';

describe('skills are normalized to taxonomy slugs', () => {
  it('matches slugs and names loosely, collapses duplicates and reports unknown skills by index', () => {
    const topics = [
      { slug: 'dynamic-programming', name: 'Dynamic Programming' },
      { slug: 'graphs', name: 'Graphs' },
    ];
    expect(
      normalizeSkills(['Dynamic Programming', 'graphs', 'dynamic_programming', ' GRAPHS '], topics),
    ).toEqual({ slugs: ['dynamic-programming', 'graphs'], unknown: [] });
    expect(normalizeSkills(['graphs', 'cooking', 'dp2'], topics)).toEqual({
      slugs: ['graphs'],
      unknown: [
        { index: 1, value: 'cooking' },
        { index: 2, value: 'dp2' },
      ],
    });
  });
});
