/** A taxonomy topic as far as skills are concerned. */
export interface SkillTopic {
  slug: string;
  name: string;
}

export interface SkillProblem {
  index: number;
  value: string;
}

/** How a skill is compared: lower case, spaces and underscores as hyphens, trimmed. */
export function skillKey(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/-+/g, '-');
}

/**
 * Skills as taxonomy slugs: each given skill matches a topic by slug or by name (compared by
 * skillKey); duplicates collapse, first occurrence first. Unknown skills are returned with
 * their index so the request can be rejected naming each one.
 */
export function normalizeSkills(
  given: readonly string[],
  topics: readonly SkillTopic[],
): { slugs: string[]; unknown: SkillProblem[] } {
  const byKey = new Map<string, string>();
  for (const topic of topics) {
    byKey.set(skillKey(topic.slug), topic.slug);
    byKey.set(skillKey(topic.name), topic.slug);
  }
  const slugs: string[] = [];
  const unknown: SkillProblem[] = [];
  given.forEach((value, index) => {
    const slug = byKey.get(skillKey(value));
    if (!slug) unknown.push({ index, value });
    else if (!slugs.includes(slug)) slugs.push(slug);
  });
  return { slugs, unknown };
}
