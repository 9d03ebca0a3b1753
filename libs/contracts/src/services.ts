/** The eight deployables. Each owns one MongoDB database and one RPC queue. */
export const SERVICE_NAMES = [
  'gateway',
  'auth',
  'ingestion',
  'normalization',
  'aggregation',
  'roadmap',
  'synergy',
  'advisory',
] as const;

export type ServiceName = (typeof SERVICE_NAMES)[number];

/** Services the gateway forwards to (everything but itself). */
export const BACKEND_SERVICES = SERVICE_NAMES.filter(
  (name): name is Exclude<ServiceName, 'gateway'> => name !== 'gateway',
);
export type BackendServiceName = (typeof BACKEND_SERVICES)[number];

/** Default HTTP port of each service (health, metrics and, for the gateway, the REST API). */
export const DEFAULT_HTTP_PORTS: Record<ServiceName, number> = {
  gateway: 3000,
  auth: 3001,
  ingestion: 3002,
  normalization: 3003,
  aggregation: 3004,
  roadmap: 3005,
  synergy: 3006,
  advisory: 3007,
};
