import { OFFICIAL_ROADMAPS } from './official-roadmaps';
import type { RoadmapTopic } from './roadmap-topic';
import { checkRoadmap } from './validation';

const KNOWN = new Set(['arrays', 'strings', 'hashing', 'graphs', 'trees', 'math', 'sorting']);
const t = (
  topic: string,
  weight: number,
  layer: RoadmapTopic['layer'] = 'core',
  dependencies: string[] = [],
): RoadmapTopic => ({
  topic,
  weight,
  layer,
  priority: 1,
  completionThreshold: null,
  dependencies,
  estimatedHours: null,
});
const messages = (topics: RoadmapTopic[]) =>
  checkRoadmap(topics, KNOWN).errors.map((e) => e.message);

describe('roadmap validation (docs/product.md#roadmaps-and-pci)', () => {
  it('a sound roadmap has neither errors nor warnings', () => {
    expect(
      checkRoadmap(
        [t('arrays', 1), t('strings', 0.8, 'core', ['arrays']), t('math', 0.2, 'optional')],
        KNOWN,
      ),
    ).toEqual({
      errors: [],
      warnings: [],
    });
  });

  it.each([0, -0.1, 1.01])('weight %p is outside (0, 1]', (weight) => {
    expect(messages([t('arrays', weight)])).toEqual(['weight of "arrays" must be in (0, 1]']);
  });

  it('an optional topic may weigh at most 0.3', () => {
    expect(messages([t('arrays', 1), t('math', 0.31, 'optional')])).toEqual([
      'optional topic "math" may weigh at most 0.3',
    ]);
  });

  it('needs a core topic', () => {
    expect(messages([t('arrays', 1, 'reinforcement')])).toEqual([
      'a roadmap needs at least one core topic',
    ]);
  });

  it('unknown topics, duplicates and dependencies outside the roadmap', () => {
    expect(
      messages([
        t('arrays', 1),
        t('quantum', 0.8),
        t('arrays', 0.9),
        t('strings', 0.8, 'core', ['graphs']),
      ]),
    ).toEqual([
      'unknown topic "quantum"',
      'topic "arrays" is on the roadmap twice',
      '"strings" depends on "graphs", which is not on the roadmap',
    ]);
  });

  it('dependency cycles, self-dependency included', () => {
    expect(
      messages([
        t('arrays', 1, 'core', ['trees']),
        t('trees', 1, 'core', ['graphs']),
        t('graphs', 1, 'core', ['arrays']),
      ]),
    ).toEqual(['dependency cycle: arrays → trees → graphs → arrays']);
    expect(messages([t('arrays', 1, 'core', ['arrays'])])).toEqual([
      'dependency cycle: arrays → arrays',
    ]);
  });

  it('warns about light core topics and a light backbone', () => {
    const { errors, warnings } = checkRoadmap(
      [t('arrays', 1), t('strings', 0.3), t('graphs', 1, 'advanced'), t('trees', 1, 'advanced')],
      KNOWN,
    );
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      'core topic "strings" weighs 0.3, below 0.7',
      'core topic "strings" weighs less than half the mean core weight',
      'core and reinforcement topics carry less than 70 % of the total weight',
    ]);
  });

  it.each(OFFICIAL_ROADMAPS.map((r) => [r.name, r] as const))(
    'official roadmap %s is valid and warning-free',
    (_, roadmap) => {
      const taxonomy = new Set(roadmap.topics.map((topic) => topic.topic));
      expect(checkRoadmap(roadmap.topics, taxonomy)).toEqual({ errors: [], warnings: [] });
    },
  );
});
