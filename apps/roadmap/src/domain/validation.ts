import type { RoadmapTopic } from './roadmap-topic';

export interface ValidationProblem {
  field: string;
  message: string;
}

export interface RoadmapCheck {
  /** Any error makes the roadmap invalid (400). */
  errors: ValidationProblem[];
  /** Advice the roadmap is saved with (200 `warnings[]`). */
  warnings: string[];
}

/** Dependency cycles, each as the path that closes it (a → b → a). */
function findCycle(topics: RoadmapTopic[]): string[] | null {
  const edges = new Map(topics.map((t) => [t.topic, t.dependencies]));
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (slug: string): string[] | null => {
    if (state.get(slug) === 'done') return null;
    if (state.get(slug) === 'visiting') return [...path.slice(path.indexOf(slug)), slug];
    state.set(slug, 'visiting');
    path.push(slug);
    for (const next of edges.get(slug) ?? []) {
      if (!edges.has(next)) continue;
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(slug, 'done');
    return null;
  };
  for (const topic of topics) {
    const cycle = visit(topic.topic);
    if (cycle) return cycle;
  }
  return null;
}

/**
 * docs/product.md#roadmaps-and-pci. Errors: weight outside (0, 1]; an optional topic weighing more than 0.3; no
 * core topic; an unknown topic; a topic twice; a dependency outside the roadmap; a cycle.
 * Warnings: a core weight < 0.7; core + reinforcement < 70 % of Σw; a core weight below half
 * the mean core weight.
 */
export function checkRoadmap(
  topics: RoadmapTopic[],
  knownTopics: ReadonlySet<string>,
): RoadmapCheck {
  const errors: ValidationProblem[] = [];
  const warnings: string[] = [];
  const slugs = new Set<string>();
  topics.forEach((t, index) => {
    const field = `topics[${index}]`;
    if (!knownTopics.has(t.topic))
      errors.push({ field: `${field}.topic`, message: `unknown topic "${t.topic}"` });
    if (slugs.has(t.topic))
      errors.push({
        field: `${field}.topic`,
        message: `topic "${t.topic}" is on the roadmap twice`,
      });
    slugs.add(t.topic);
    if (!(t.weight > 0 && t.weight <= 1))
      errors.push({
        field: `${field}.weight`,
        message: `weight of "${t.topic}" must be in (0, 1]`,
      });
    if (t.layer === 'optional' && t.weight > 0.3)
      errors.push({
        field: `${field}.weight`,
        message: `optional topic "${t.topic}" may weigh at most 0.3`,
      });
  });
  topics.forEach((t, index) => {
    for (const dependency of t.dependencies)
      if (!slugs.has(dependency))
        errors.push({
          field: `topics[${index}].dependencies`,
          message: `"${t.topic}" depends on "${dependency}", which is not on the roadmap`,
        });
  });
  const core = topics.filter((t) => t.layer === 'core');
  if (core.length === 0)
    errors.push({ field: 'topics', message: 'a roadmap needs at least one core topic' });
  const cycle = findCycle(topics);
  if (cycle) errors.push({ field: 'topics', message: `dependency cycle: ${cycle.join(' → ')}` });

  const total = topics.reduce((sum, t) => sum + t.weight, 0);
  const meanCore = core.reduce((sum, t) => sum + t.weight, 0) / (core.length || 1);
  for (const t of core) {
    if (t.weight < 0.7) warnings.push(`core topic "${t.topic}" weighs ${t.weight}, below 0.7`);
    if (t.weight < 0.5 * meanCore)
      warnings.push(`core topic "${t.topic}" weighs less than half the mean core weight`);
  }
  const backbone = topics
    .filter((t) => t.layer === 'core' || t.layer === 'reinforcement')
    .reduce((sum, t) => sum + t.weight, 0);
  if (total > 0 && backbone < 0.7 * total)
    warnings.push('core and reinforcement topics carry less than 70 % of the total weight');
  return { errors, warnings };
}
