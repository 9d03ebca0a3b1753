import { useQuery } from '@tanstack/react-query';
import { api, call } from './client';
import type { TopicStats } from './types';

/**
 * Every topic stat of the caller: pages of 100 until the last (bounded by the taxonomy, a
 * few dozen topics).
 */
export function useTopicStats() {
  return useQuery({
    queryKey: ['topic-stats'],
    queryFn: async () => {
      const all: TopicStats[] = [];
      let cursor: string | undefined;
      do {
        const page = await call(
          api.GET('/api/v1/telemetry/topic-stats', { params: { query: { limit: 100, cursor } } }),
        );
        all.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return all;
    },
  });
}

export function useWeakTopics() {
  return useQuery({
    queryKey: ['weak-topics'],
    queryFn: () => call(api.GET('/api/v1/telemetry/weak-topics', {})),
    select: (page) => new Set(page.items.map((t) => t.topic)),
  });
}

export function useRoadmaps() {
  return useQuery({
    queryKey: ['roadmaps'],
    // the first 100 (official ones and the learner's own: few)
    queryFn: () => call(api.GET('/api/v1/roadmaps', { params: { query: { limit: 100 } } })),
    select: (page) => page.items,
  });
}

export function useTaxonomy() {
  return useQuery({
    queryKey: ['taxonomy'],
    queryFn: () => call(api.GET('/api/v1/topics', {})),
    staleTime: Infinity,
  });
}

export function useStreak() {
  return useQuery({
    queryKey: ['streak'],
    queryFn: () => call(api.GET('/api/v1/me/streak', {})),
  });
}

export function useReadiness() {
  return useQuery({
    queryKey: ['readiness'],
    queryFn: () => call(api.GET('/api/v1/me/readiness', {})),
  });
}

export function useGoals() {
  return useQuery({
    queryKey: ['goals'],
    queryFn: () => call(api.GET('/api/v1/me/goals', {})),
  });
}

/** The newest notifications with the unread count of all (the nav badge reads this too). */
export function useLatestNotifications() {
  return useQuery({
    queryKey: ['notifications', 'latest'],
    queryFn: () => call(api.GET('/api/v1/notifications', { params: { query: { limit: 5 } } })),
  });
}
