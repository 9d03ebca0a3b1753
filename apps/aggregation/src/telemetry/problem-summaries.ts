import { Inject, Injectable } from '@nestjs/common';
import { type ProblemSummaryResponse, RPC_PATTERNS } from '@prepmate/contracts';
import { RpcClient } from '@prepmate/messaging';
import { ROOT_LOGGER } from '@prepmate/platform';
import type { Logger } from 'pino';

/**
 * Titles and platform links of canonical problems, asked of the normalization service (which
 * owns the catalog) when a view shows problems. When it cannot be reached the view still
 * answers, without them: the learner's own data does not depend on the catalog being up.
 */
@Injectable()
export class ProblemSummaries {
  private readonly log: Logger;

  constructor(
    private readonly rpc: RpcClient,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'problem-summaries' });
  }

  async of(ids: string[]): Promise<Map<string, ProblemSummaryResponse>> {
    if (ids.length === 0) return new Map();
    try {
      const summaries = await this.rpc.call(RPC_PATTERNS.problemsSummaries, { ids });
      return new Map(summaries.map((summary) => [summary.id, summary]));
    } catch (error) {
      this.log.warn(
        { err: (error as Error).message, problems: ids.length },
        'problem titles unavailable; answering without them',
      );
      return new Map();
    }
  }
}
