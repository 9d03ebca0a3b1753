import { lengthsCompatible, SIMILAR_TITLE, titleSimilarity } from './titles';

/**
 * Normalized titles of canonical problems by length, to find the ones similar to a title
 * (≥ 0.85) without comparing against every title: only lengths that can reach the threshold
 * are compared.
 */
export class TitleIndex {
  private readonly byLength = new Map<number, Map<string, Set<string>>>();
  private size_ = 0;

  get size(): number {
    return this.size_;
  }

  add(id: string, normalizedTitle: string): void {
    let titles = this.byLength.get(normalizedTitle.length);
    if (!titles) this.byLength.set(normalizedTitle.length, (titles = new Map()));
    let ids = titles.get(normalizedTitle);
    if (!ids) titles.set(normalizedTitle, (ids = new Set()));
    if (!ids.has(id)) {
      ids.add(id);
      this.size_ += 1;
    }
  }

  /** Ids of problems whose title is similar to `normalizedTitle` (equal titles included). */
  similar(normalizedTitle: string): string[] {
    const length = normalizedTitle.length;
    const found: string[] = [];
    const shortest = Math.floor(length * SIMILAR_TITLE);
    const longest = Math.ceil(length / SIMILAR_TITLE);
    for (let other = shortest; other <= longest; other += 1) {
      if (!lengthsCompatible(length, other)) continue;
      for (const [title, ids] of this.byLength.get(other) ?? []) {
        if (titleSimilarity(normalizedTitle, title) >= SIMILAR_TITLE) found.push(...ids);
      }
    }
    return found;
  }
}
