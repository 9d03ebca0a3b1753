import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { api, call, refreshSession } from './api/client';
import { session, type User } from './api/session';

export function useUser(): User | null {
  return useSyncExternalStore(
    (listener) => session.subscribe(listener),
    () => session.current,
  );
}

/** On load: a stored refresh token signs back in silently; until it answers, `restoring`. */
export function useRestoredSession(): boolean {
  const [restoring, setRestoring] = useState(() => session.refreshToken !== null);
  useEffect(() => {
    if (!restoring) return;
    void refreshSession().then((ok) => {
      if (!ok) session.end();
      setRestoring(false);
    });
  }, [restoring]);
  return restoring;
}

export function useSignOut(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    const refreshToken = session.refreshToken;
    if (refreshToken)
      await call(api.POST('/api/v1/auth/logout', { body: { refreshToken } })).catch(
        () => undefined,
      );
    session.end();
    queryClient.clear();
  }, [queryClient]);
}
