import { runWithContext } from '@prepmate/platform';
import { createEvent } from './event-factory';

describe('createEvent', () => {
  const payload = { userId: 'u1' };

  it('wraps the payload in a versioned envelope with a UUID v7 id', () => {
    const event = createEvent('user.deleted', payload, 'auth', 'req-9');
    expect(event).toMatchObject({
      type: 'user.deleted',
      version: 1,
      producer: 'auth',
      correlationId: 'req-9',
      payload,
    });
    expect(event.eventId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(new Date(event.occurredAt).toISOString()).toBe(event.occurredAt);
  });

  it('gives time-ordered ids', () => {
    const ids = Array.from(
      { length: 50 },
      () => createEvent('user.deleted', payload, 'auth').eventId,
    );
    expect([...ids].sort()).toEqual(ids);
  });

  it('takes the correlation id of the request it runs in, else its own id', () => {
    const inRequest = runWithContext({ requestId: 'r', correlationId: 'corr-1' }, () =>
      createEvent('user.deleted', payload, 'auth'),
    );
    expect(inRequest.correlationId).toBe('corr-1');
    const alone = createEvent('user.deleted', payload, 'auth');
    expect(alone.correlationId).toBe(alone.eventId);
  });
});
