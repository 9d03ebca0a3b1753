import { Injectable } from '@nestjs/common';
import type { Page, PageRpcData, PossibleDuplicateResponse } from '@prepmate/contracts';
import { idPage } from '@prepmate/platform';
import { ProblemStore } from '../problems/problem.store';
import { PossibleDuplicateStore } from './possible-duplicate.store';

/** Admin review: canonical problems normalization created that may duplicate another. */
@Injectable()
export class PossibleDuplicatesService {
  constructor(
    private readonly duplicates: PossibleDuplicateStore,
    private readonly problems: ProblemStore,
  ) {}

  /** Possible duplicates by id, with the titles of both problems. */
  async list({ limit, cursor }: PageRpcData): Promise<Page<PossibleDuplicateResponse>> {
    const docs = await this.duplicates.page(cursor, limit);
    const page = idPage(docs, limit);
    const ids = [...new Set(page.items.flatMap((doc) => [doc.problemId, doc.candidateId]))];
    const titles = await this.problems.titles(ids);
    return {
      items: page.items.map((doc) => ({
        id: doc._id,
        problemId: doc.problemId,
        problemTitle: titles.get(doc.problemId) ?? '',
        candidateId: doc.candidateId,
        candidateTitle: titles.get(doc.candidateId) ?? '',
        confidence: doc.confidence,
        createdAt: doc.createdAt.toISOString(),
      })),
      nextCursor: page.nextCursor,
    };
  }
}
