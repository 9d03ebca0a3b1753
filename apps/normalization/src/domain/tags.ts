import type { Platform } from '@prepmate/contracts';
import type { AliasSeed } from './taxonomy';

/**
 * docs/product.md#normalization: lower-case, every run of characters other than a–z and 0–9 becomes `-`,
 * leading and trailing `-` dropped ("Heap (Priority Queue)" → "heap-priority-queue").
 */
export function normalizeTag(tag: string): string {
  return tag
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export interface MappedTags {
  /** Topic slugs, in the order of the tags, without repeats. */
  topics: string[];
  /** Every tag normalized (what the problem keeps as `normalizedTags`). */
  normalizedTags: string[];
  /** Normalized tags no alias knows (recorded for admins). */
  unmapped: string[];
}

/** Alias lookup: the platform's own aliases first, then the platform-independent ones. */
export class TagAliases {
  private readonly byPlatform = new Map<string, string>();
  private readonly global = new Map<string, string>();

  constructor(aliases: Iterable<AliasSeed>) {
    for (const { alias, topic, platform } of aliases) {
      if (platform) this.byPlatform.set(`${platform}:${alias}`, topic);
      else this.global.set(alias, topic);
    }
  }

  topicOf(platform: Platform, normalizedTag: string): string | undefined {
    return this.byPlatform.get(`${platform}:${normalizedTag}`) ?? this.global.get(normalizedTag);
  }

  map(platform: Platform, tags: readonly string[]): MappedTags {
    const topics = new Set<string>();
    const normalizedTags = new Set<string>();
    const unmapped = new Set<string>();
    for (const tag of tags) {
      const normalized = normalizeTag(tag);
      if (!normalized) continue;
      normalizedTags.add(normalized);
      const topic = this.topicOf(platform, normalized);
      if (topic) topics.add(topic);
      else unmapped.add(normalized);
    }
    return { topics: [...topics], normalizedTags: [...normalizedTags], unmapped: [...unmapped] };
  }
}
