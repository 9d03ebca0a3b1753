import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'prepmate:public';
export const IS_UNGUARDED = 'prepmate:unguarded';

/** The route needs no access token; callers are rate-limited per IP instead. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Probes and metrics: no token and no rate limit (the orchestrator calls them constantly). */
export const Unguarded = () => SetMetadata(IS_UNGUARDED, true);
