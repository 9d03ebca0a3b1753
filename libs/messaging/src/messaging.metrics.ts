import { Counter, Gauge, Histogram } from 'prom-client';

export const eventsConsumed = new Counter({
  name: 'messaging_events_consumed_total',
  help: 'Events taken from a queue, by outcome (processed, duplicate, timed_out, retried, deferred, dead_lettered, requeued)',
  labelNames: ['queue', 'outcome'] as const,
});

export const eventHandlerDuration = new Histogram({
  name: 'messaging_event_handler_duration_seconds',
  help: 'Time an event handler took, including its idempotency bookkeeping',
  labelNames: ['queue'] as const,
  buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
});

export const eventsPublished = new Counter({
  name: 'messaging_events_published_total',
  help: 'Events confirmed by the broker, by type',
  labelNames: ['type'] as const,
});

export const publishFailures = new Counter({
  name: 'messaging_publish_failures_total',
  help: 'Publishes that were not confirmed or were returned unroutable',
  labelNames: ['reason'] as const,
});

export const rpcRequests = new Counter({
  name: 'messaging_rpc_requests_total',
  help: 'RPC requests sent, by target service and outcome',
  labelNames: ['service', 'pattern', 'outcome'] as const,
});

export const rpcDuration = new Histogram({
  name: 'messaging_rpc_duration_seconds',
  help: 'RPC round-trip time',
  labelNames: ['service', 'pattern'] as const,
  buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
});

export const unroutedEvents = new Gauge({
  name: 'messaging_unrouted_events',
  help: 'Events waiting in the unrouted queue (published while no queue was bound for their type)',
});

export const consumerCancellations = new Counter({
  name: 'messaging_consumer_cancellations_total',
  help: 'Consumers the broker cancelled (their queue deleted), by queue; each is re-subscribed',
  labelNames: ['queue'] as const,
});

export const consumersPaused = new Gauge({
  name: 'messaging_consumers_paused',
  help: '1 while event consumers are paused because a dependency (database, Redis) is down',
});
