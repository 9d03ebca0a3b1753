/** A topic of the taxonomy as the advisory service sees it (normalization's topic list). */
export interface TaxonomyTopic {
  slug: string;
  name: string;
  prerequisites: string[];
}

/**
 * Common abbreviations learners write, each to the topic it names (used only when that slug
 * exists in the taxonomy): nothing else is inferred.
 */
export const SKILL_ABBREVIATIONS: Readonly<Record<string, string>> = {
  dp: 'dynamic-programming',
  memoization: 'dynamic-programming',
  bfs: 'graphs',
  dfs: 'graphs',
  dijkstra: 'shortest-paths',
  bst: 'trees',
  dsu: 'union-find',
  trie: 'tries',
  backtracking: 'recursion-backtracking',
  recursion: 'recursion-backtracking',
};

function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** Lower-case words, singular, separated by single spaces and padded with one on each side. */
export function normalizeWords(text: string): string {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(singular);
  return ` ${words.join(' ')} `;
}

/** The phrases that name a topic: its slug's words, its name, and each part of an "A & B" name. */
export function topicPhrases(topic: TaxonomyTopic): string[] {
  const parts = topic.name.split(/\s*(?:&|,|\/|\band\b)\s*/i).filter(Boolean);
  const phrases = [topic.slug.replace(/-/g, ' '), topic.name, ...parts].map((phrase) =>
    normalizeWords(phrase).trim(),
  );
  return [...new Set(phrases.filter((phrase) => phrase.length > 1))];
}

/**
 * Taxonomy slugs a text names, in the order they first appear (at most `max`): a topic's
 * phrases or a listed abbreviation, matched on whole words, singular or plural.
 */
export function extractSkills(
  text: string,
  taxonomy: readonly TaxonomyTopic[],
  max = 10,
): string[] {
  const words = normalizeWords(text);
  const known = new Set(taxonomy.map((topic) => topic.slug));
  const firstAt = new Map<string, number>();
  const note = (slug: string, at: number) => {
    if (at >= 0 && (!firstAt.has(slug) || at < firstAt.get(slug)!)) firstAt.set(slug, at);
  };
  for (const topic of taxonomy)
    for (const phrase of topicPhrases(topic)) note(topic.slug, words.indexOf(` ${phrase} `));
  for (const [abbreviation, slug] of Object.entries(SKILL_ABBREVIATIONS))
    if (known.has(slug)) note(slug, words.indexOf(` ${abbreviation} `));
  return [...firstAt.entries()]
    .sort(([a, x], [b, y]) => x - y || a.localeCompare(b))
    .slice(0, max)
    .map(([slug]) => slug);
}

/**
 * Fills a skill list up to `min` with the prerequisites of the skills it holds (nearest
 * first), then with the taxonomy's own order; never more than `max`, never an unknown slug.
 */
export function completeSkills(
  skills: readonly string[],
  taxonomy: readonly TaxonomyTopic[],
  min: number,
  max: number,
): string[] {
  const bySlug = new Map(taxonomy.map((topic) => [topic.slug, topic]));
  const result = [...new Set(skills.filter((skill) => bySlug.has(skill)))];
  for (let index = 0; index < result.length && result.length < min; index += 1)
    for (const prerequisite of bySlug.get(result[index])?.prerequisites ?? [])
      if (result.length < min && bySlug.has(prerequisite) && !result.includes(prerequisite))
        result.push(prerequisite);
  for (const topic of taxonomy) {
    if (result.length >= min) break;
    if (!result.includes(topic.slug)) result.push(topic.slug);
  }
  return result.slice(0, max);
}
