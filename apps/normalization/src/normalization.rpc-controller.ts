import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  type AddTagAliasRpcData,
  type BookmarkRpcData,
  type CreateTopicRpcData,
  type FeedbackRpcData,
  type PageRpcData,
  type ProblemIdRpcData,
  type ProblemSummariesRpcData,
  type ProblemsListRpcData,
  type ResolveFailureRpcData,
  type UnknownProblemsRpcData,
  RPC_PATTERNS,
  type RpcRequest,
} from '@prepmate/contracts';
import { requireAdmin, requireCaller, RpcHandler } from '@prepmate/messaging';
import { EngagementService } from './engagement/engagement.service';
import { FailuresService } from './failures/failures.service';
import { PossibleDuplicatesService } from './failures/possible-duplicates.service';
import { UnmappedTagsService } from './failures/unmapped-tags.service';
import { ProblemsService } from './problems/problems.service';
import { TaxonomyService } from './taxonomy/taxonomy.service';

/** Normalization's RPCs: each unpacks the request and calls a service. Bodies were validated by the gateway. */
@Controller()
export class NormalizationRpcController {
  constructor(
    private readonly taxonomy: TaxonomyService,
    private readonly problems: ProblemsService,
    private readonly engagement: EngagementService,
    private readonly failures: FailuresService,
    private readonly duplicates: PossibleDuplicatesService,
    private readonly unmapped: UnmappedTagsService,
  ) {}

  @RpcHandler(RPC_PATTERNS.topicsList)
  topics() {
    return this.taxonomy.listTopics();
  }

  @RpcHandler(RPC_PATTERNS.topicsCreate)
  createTopic(@Payload() request: RpcRequest<CreateTopicRpcData>) {
    requireAdmin(request);
    return this.taxonomy.createTopic(request.data);
  }

  @RpcHandler(RPC_PATTERNS.topicsAddAlias)
  addAlias(@Payload() request: RpcRequest<AddTagAliasRpcData>) {
    requireAdmin(request);
    return this.taxonomy.addAlias(request.data);
  }

  @RpcHandler(RPC_PATTERNS.problemsList)
  list(@Payload() request: RpcRequest<ProblemsListRpcData>) {
    return this.problems.list(request.data, requireCaller(request));
  }

  @RpcHandler(RPC_PATTERNS.problemsGet)
  get(@Payload() request: RpcRequest<ProblemIdRpcData>) {
    return this.problems.get(request.data.problemId, requireCaller(request));
  }

  /** For ingestion (the daily cap on new problems): whether the catalog maps them yet. */
  @RpcHandler(RPC_PATTERNS.problemsUnknown)
  unknown(@Payload() request: RpcRequest<UnknownProblemsRpcData>) {
    return this.problems.unknown(request.data);
  }

  @RpcHandler(RPC_PATTERNS.problemsUnconfirmed)
  unconfirmed(@Payload() request: RpcRequest<PageRpcData>) {
    requireAdmin(request);
    return this.problems.unconfirmed(request.data);
  }

  @RpcHandler(RPC_PATTERNS.problemsConfirm)
  confirm(@Payload() request: RpcRequest<ProblemIdRpcData>) {
    requireAdmin(request);
    return this.problems.confirm(request.data.problemId);
  }

  /** For other services (revisions due): no caller needed, the catalog is not per user. */
  @RpcHandler(RPC_PATTERNS.problemsSummaries)
  summaries(@Payload() request: RpcRequest<ProblemSummariesRpcData>) {
    return this.problems.summaries(request.data.ids);
  }

  @RpcHandler(RPC_PATTERNS.bookmarksList)
  bookmarks(@Payload() request: RpcRequest<PageRpcData>) {
    return this.engagement.listBookmarks(requireCaller(request), request.data);
  }

  @RpcHandler(RPC_PATTERNS.bookmarksPut)
  bookmark(@Payload() request: RpcRequest<BookmarkRpcData>) {
    return this.engagement.bookmark(
      requireCaller(request),
      request.data.problemId,
      request.data.notes,
    );
  }

  @RpcHandler(RPC_PATTERNS.bookmarksUpdate)
  updateBookmark(@Payload() request: RpcRequest<BookmarkRpcData>) {
    return this.engagement.updateBookmark(
      requireCaller(request),
      request.data.problemId,
      request.data.notes,
    );
  }

  @RpcHandler(RPC_PATTERNS.bookmarksDelete)
  async removeBookmark(@Payload() request: RpcRequest<ProblemIdRpcData>) {
    await this.engagement.removeBookmark(requireCaller(request), request.data.problemId);
    return null;
  }

  @RpcHandler(RPC_PATTERNS.feedbackCreate)
  feedback(@Payload() request: RpcRequest<FeedbackRpcData>) {
    return this.engagement.report(requireCaller(request), request.data);
  }

  @RpcHandler(RPC_PATTERNS.problemsFlagged)
  flagged(@Payload() request: RpcRequest<PageRpcData>) {
    requireAdmin(request);
    return this.problems.flagged(request.data);
  }

  @RpcHandler(RPC_PATTERNS.failuresList)
  failuresList(@Payload() request: RpcRequest<PageRpcData>) {
    requireAdmin(request);
    return this.failures.list(request.data);
  }

  @RpcHandler(RPC_PATTERNS.failuresResolve)
  resolve(@Payload() request: RpcRequest<ResolveFailureRpcData>) {
    requireAdmin(request);
    return this.failures.resolve(request.data);
  }

  @RpcHandler(RPC_PATTERNS.possibleDuplicates)
  possibleDuplicates(@Payload() request: RpcRequest<PageRpcData>) {
    requireAdmin(request);
    return this.duplicates.list(request.data);
  }

  @RpcHandler(RPC_PATTERNS.unmappedTags)
  unmappedTags(@Payload() request: RpcRequest<PageRpcData>) {
    requireAdmin(request);
    return this.unmapped.list(request.data);
  }
}
