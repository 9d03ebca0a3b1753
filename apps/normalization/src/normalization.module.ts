import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import {
  AmqpReadiness,
  MessagingServerModule,
  UserDeletedHandler,
  userDataContributorsFrom,
} from '@prepmate/messaging';
import { DatabaseModule, MongoReadiness, PlatformModule } from '@prepmate/platform';
import {
  BOOKMARK_MODEL,
  BookmarkSchema,
  FEEDBACK_MODEL,
  FeedbackSchema,
} from './engagement/engagement.schemas';
import { BookmarkStore } from './engagement/bookmark.store';
import { EngagementService } from './engagement/engagement.service';
import { FeedbackStore } from './engagement/feedback.store';
import { FailureResolver } from './failures/failure-resolver';
import { FailureStore } from './failures/failure.store';
import { FailuresService } from './failures/failures.service';
import { PossibleDuplicatesService } from './failures/possible-duplicates.service';
import { UnmappedTagsService } from './failures/unmapped-tags.service';
import {
  NORMALIZATION_FAILURE_MODEL,
  NormalizationFailureSchema,
} from './failures/normalization-failure.schema';
import { ResolutionSweep } from './failures/resolution-sweep';
import { PossibleDuplicateStore } from './failures/possible-duplicate.store';
import { UnmappedTagStore } from './failures/unmapped-tag.store';
import {
  POSSIBLE_DUPLICATE_MODEL,
  PossibleDuplicateSchema,
  UNMAPPED_TAG_MODEL,
  UnmappedTagSchema,
} from './failures/review.schemas';
import { NormalizationConfig } from './normalization.config';
import { NormalizationRpcController } from './normalization.rpc-controller';
import { NormalizationUserData } from './normalization-user-data';
import {
  NORMALIZED_SUBMISSION_MODEL,
  NormalizedSubmissionSchema,
} from './normalizing/normalized-submission.schema';
import { NormalizedSubmissionStore } from './normalizing/normalized-submission.store';
import { CatalogTrust } from './normalizing/catalog-trust';
import { NewProblemMapper } from './normalizing/new-problem-mapper';
import { Normalizer } from './normalizing/normalizer';
import { ProblemTelemetry } from './normalizing/problem-telemetry';
import { SubmissionIngestedHandler } from './normalizing/submission-ingested.handler';
import {
  CANONICAL_PROBLEM_MODEL,
  CanonicalProblemSchema,
  PROBLEM_TELEMETRY_MODEL,
  ProblemTelemetrySchema,
} from './problems/canonical-problem.schema';
import { ProblemCatalog } from './problems/problem-catalog';
import { ProblemMappingStore } from './problems/problem-mapping.store';
import { ProblemTelemetryStore } from './problems/problem-telemetry.store';
import { ProblemStore } from './problems/problem.store';
import { PROBLEM_MAPPING_MODEL, ProblemMappingSchema } from './problems/problem-mapping.schema';
import { ProblemsService } from './problems/problems.service';
import {
  TAG_ALIAS_MODEL,
  TagAliasSchema,
  TOPIC_MODEL,
  TopicSchema,
} from './taxonomy/taxonomy.schemas';
import { TaxonomyService } from './taxonomy/taxonomy.service';
import { TaxonomyStore } from './taxonomy/taxonomy.store';

/** The normalization service: taxonomy, canonical problems and their platform mappings. */
@Module({
  imports: [
    PlatformModule.forRoot({
      service: 'normalization',
      config: NormalizationConfig,
      readiness: [MongoReadiness, AmqpReadiness],
    }),
    DatabaseModule,
    MessagingServerModule,
    MongooseModule.forFeature([
      { name: TOPIC_MODEL, schema: TopicSchema },
      { name: TAG_ALIAS_MODEL, schema: TagAliasSchema },
      { name: CANONICAL_PROBLEM_MODEL, schema: CanonicalProblemSchema },
      { name: PROBLEM_TELEMETRY_MODEL, schema: ProblemTelemetrySchema },
      { name: PROBLEM_MAPPING_MODEL, schema: ProblemMappingSchema },
      { name: NORMALIZED_SUBMISSION_MODEL, schema: NormalizedSubmissionSchema },
      { name: NORMALIZATION_FAILURE_MODEL, schema: NormalizationFailureSchema },
      { name: POSSIBLE_DUPLICATE_MODEL, schema: PossibleDuplicateSchema },
      { name: UNMAPPED_TAG_MODEL, schema: UnmappedTagSchema },
      { name: BOOKMARK_MODEL, schema: BookmarkSchema },
      { name: FEEDBACK_MODEL, schema: FeedbackSchema },
    ]),
  ],
  controllers: [NormalizationRpcController, SubmissionIngestedHandler, UserDeletedHandler],
  providers: [
    BookmarkStore,
    CatalogTrust,
    EngagementService,
    FailureResolver,
    FailureStore,
    FailuresService,
    FeedbackStore,
    NewProblemMapper,
    NormalizationUserData,
    NormalizedSubmissionStore,
    Normalizer,
    PossibleDuplicateStore,
    PossibleDuplicatesService,
    ProblemCatalog,
    ProblemMappingStore,
    ProblemStore,
    ProblemTelemetry,
    ProblemTelemetryStore,
    ProblemsService,
    ResolutionSweep,
    TaxonomyService,
    UnmappedTagStore,
    UnmappedTagsService,
    TaxonomyStore,
    userDataContributorsFrom(NormalizationUserData),
  ],
})
export class NormalizationModule {}
