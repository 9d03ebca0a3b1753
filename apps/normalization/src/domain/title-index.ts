import type { Platform } from '@prepmate/contracts';
import { lengthsCompatible, SIMILAR_TITLE, titleSimilarity } from './titles';

/**
 * Normalized titles of canonical problems by length, to find the ones similar to a title
 * (≥ 0.85) without comparing against every title: only lengths that can reach the threshold
 * are compared. It also knows which platforms each problem has: a problem that already has
 * one of a platform can never take another of it (§3), and since a problem only ever gains
 * platforms, leaving it out is safe even when the index is stale.
 */
export class TitleIndex {
  private readonly byLength = new Map<number, Map<string, Set<string>>>();
  private readonly platformsOf = new Map<string, Set<Platform>>();

  get size(): number {
    return this.platformsOf.size;
  }

  add(id: string, normalizedTitle: string, platforms: Iterable<Platform> = []): void {
    let titles = this.byLength.get(normalizedTitle.length);
    if (!titles) this.byLength.set(normalizedTitle.length, (titles = new Map()));
    let ids = titles.get(normalizedTitle);
    if (!ids) titles.set(normalizedTitle, (ids = new Set()));
    ids.add(id);
    const known = this.platformsOf.get(id) ?? new Set<Platform>();
    for (const platform of platforms) known.add(platform);
    this.platformsOf.set(id, known);
  }

  /** Records that a problem of `platform` now maps to `id` (ignored for an unknown id). */
  addPlatform(id: string, platform: Platform): void {
    this.platformsOf.get(id)?.add(platform);
  }

  /**
   * Ids of problems whose title is similar to `normalizedTitle` (equal titles included),
   * leaving out those known to have a problem of `platform` already.
   */
  similar(normalizedTitle: string, platform?: Platform): string[] {
    const length = normalizedTitle.length;
    const found: string[] = [];
    const shortest = Math.floor(length * SIMILAR_TITLE);
    const longest = Math.ceil(length / SIMILAR_TITLE);
    for (let other = shortest; other <= longest; other += 1) {
      if (!lengthsCompatible(length, other)) continue;
      for (const [title, ids] of this.byLength.get(other) ?? []) {
        if (titleSimilarity(normalizedTitle, title) < SIMILAR_TITLE) continue;
        for (const id of ids)
          if (!platform || !this.platformsOf.get(id)?.has(platform)) found.push(id);
      }
    }
    return found;
  }
}
