import { AmqpConnection, EventPublisher } from '@prepmate/messaging';
import {
  ingestedEvent,
  eventually,
  restartBroker,
  sleep,
  type TestService,
} from '@prepmate/testing';

import { probeEnv } from './probe/probe-env';
import { startProbe, stopProbe } from './probe/probe-service';

describe('a broker restart', () => {
  const env = probeEnv('restart');
  const handled = new Set<string>();
  let service: TestService;

  beforeAll(async () => {
    service = await startProbe(env, { onEvent: async (event) => void handled.add(event.eventId) });
  });

  afterAll(() => stopProbe(service, env));

  it('is survived: consumers reattach and every confirmed event is consumed', async () => {
    const publisher = service.app.get(EventPublisher);
    const connection = service.app.get(AmqpConnection);
    const confirmed: string[] = [];
    let disconnects = 0;
    connection.manager.on('disconnect', () => (disconnects += 1));

    // Publish continuously while the broker goes away and comes back. A publish that is
    // not confirmed is retried (as the outbox relay does); what is confirmed must arrive.
    let publishing = true;
    const publishLoop = (async () => {
      for (let n = 0; publishing || n < 100; n += 1) {
        const event = ingestedEvent(n);
        for (;;) {
          try {
            await publisher.publish(event);
            confirmed.push(event.eventId);
            break;
          } catch {
            await sleep(200);
          }
        }
        await sleep(20);
      }
    })();

    await eventually(
      () => confirmed.length,
      (count) => count >= 20,
      { what: 'some publishes before the restart' },
    );
    await restartBroker();
    expect(disconnects).toBeGreaterThanOrEqual(1);
    await eventually(() => connection.isConnected(), Boolean, {
      timeoutMs: 60_000,
      what: 'the service to reconnect',
    });
    await sleep(1000);
    publishing = false;
    await publishLoop;

    await eventually(() => confirmed.every((id) => handled.has(id)), Boolean, {
      timeoutMs: 60_000,
      what: `all ${confirmed.length} confirmed events to be consumed`,
    });
    expect(confirmed.length).toBeGreaterThanOrEqual(100);
  });
});
