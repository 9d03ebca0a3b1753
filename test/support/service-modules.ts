import type { DynamicModule, Type } from '@nestjs/common';
import type { BackendServiceName } from '@prepmate/contracts';
import { AdvisoryModule } from '../../apps/advisory/src/advisory.module';
import { AggregationModule } from '../../apps/aggregation/src/aggregation.module';
import { AuthModule } from '../../apps/auth/src/auth.module';
import { IngestionModule } from '../../apps/ingestion/src/ingestion.module';
import { NormalizationModule } from '../../apps/normalization/src/normalization.module';
import { RoadmapModule } from '../../apps/roadmap/src/roadmap.module';
import { SynergyModule } from '../../apps/synergy/src/synergy.module';

/** The root module of every backend service, for tests that boot the whole system. */
export const SERVICE_MODULES: Record<BackendServiceName, Type<unknown> | DynamicModule> = {
  auth: AuthModule,
  ingestion: IngestionModule,
  normalization: NormalizationModule,
  aggregation: AggregationModule,
  roadmap: RoadmapModule,
  synergy: SynergyModule,
  advisory: AdvisoryModule,
};
