import { AsyncLocalStorage } from 'node:async_hooks';

/** What travels with a unit of work (an HTTP request, an RPC, an event) for logs and replies. */
export interface RequestContext {
  requestId: string;
  correlationId: string;
  userId?: string;
  eventId?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Sets the user on the current context once authentication has identified them. */
export function setContextUser(userId: string): void {
  const context = storage.getStore();
  if (context) context.userId = userId;
}
