import { getConnectionToken } from '@nestjs/mongoose';
import { type EventPayloads, type EventType, type NotificationKind } from '@prepmate/contracts';
import { createEvent, EventPublisher, RabbitMqTransport } from '@prepmate/messaging';
import {
  deleteSystemTopology,
  isolatedEnv,
  startTestService,
  type TestService,
  apiClient,
  type SseStream,
} from '@prepmate/testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from 'mongoose';
import { AuthModule } from '../../apps/auth/src/auth.module';
import { configureGateway } from '../../apps/gateway/src/configure-gateway';
import { GatewayModule } from '../../apps/gateway/src/gateway.module';
import { LiveEventsConsumer } from '../../apps/gateway/src/live/live-events.consumer';
import { startSmtpInbox, type ReceivedEmail, type SmtpInbox } from './smtp-inbox';

export type Learner = { token: string; userId: string; email: string };

/** The raw `List-Unsubscribe` header of a received message, unfolded. */
export function listUnsubscribe(email: ReceivedEmail): string | undefined {
  const line = email.mail.headerLines.find((header) => header.key === 'list-unsubscribe')?.line;
  return line?.replace(/^List-Unsubscribe:\s*/i, '').replace(/\r?\n\s+/g, ' ');
}

/** Where emails say the gateway is; the test follows their links on the real gateway. */
export const PUBLIC_BASE_URL = 'https://prepmate.test';

/** The services a notifications spec holds. */
export interface NotificationServices {
  smtp: SmtpInbox;
  auth: TestService;
  gateway: TestService;
  api: ReturnType<typeof apiClient>;
  db: Connection;
}

/**
 * Notifications through the gateway, with auth and the gateway on the real broker, database
 * and Redis, and a local SMTP server speaking the real protocol. The source events (produced
 * by roadmap, aggregation, ingestion and synergy) are published to the broker here, signed
 * like any service's.
 *
 * Starts them before and stops them after the calling describe block, and returns the helpers
 * the notifications specs share.
 */
export function notificationsSystem() {
  const { AMQP_EXCHANGE, prefix } = isolatedEnv('notify');
  const shared = {
    AMQP_EXCHANGE,
    AMQP_QUEUE_PREFIX: `${prefix}.`,
    REDIS_KEY_PREFIX: `${prefix}:`,
    RPC_TIMEOUT_MS: '8000',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '10000',
    RATE_LIMIT_USER_PER_MINUTE: '10000',
  };
  const services = {} as NotificationServices;
  const streams: SseStream[] = [];

  beforeAll(async () => {
    services.smtp = await startSmtpInbox();
    services.auth = await startTestService({
      module: AuthModule,
      transport: RabbitMqTransport,
      env: {
        ...shared,
        MONGO_DB: `${prefix}_auth`,
        JWT_DEV_KEYS_DIR: mkdtempSync(join(tmpdir(), 'prepmate-keys-')),
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(services.smtp.port),
        SMTP_FROM: 'PrepMate <no-reply@prepmate.test>',
        PUBLIC_BASE_URL,
        NOTIFY_DIGEST_SCAN_MS: '300',
      },
    });
    await services.auth.app.get(RabbitMqTransport).waitUntilConsuming();
    services.gateway = await startTestService({
      module: GatewayModule,
      configure: configureGateway,
      env: shared,
    });
    await services.gateway.app.get(LiveEventsConsumer).waitUntilConsuming();
    services.api = apiClient(services.gateway.url);
    services.db = services.auth.app.get<Connection>(getConnectionToken());
  });

  afterAll(async () => {
    for (const stream of streams) stream.close();
    await services.gateway?.close();
    if (services.auth) {
      await services.db?.dropDatabase().catch(() => undefined);
      await services.auth.close();
    }
    await services.smtp?.close();
    await deleteSystemTopology(AMQP_EXCHANGE, `${prefix}.`);
  });

  const api = ((method, path, options) =>
    services.api(method, path, options)) as NotificationServices['api'];

  let counter = 0;
  async function register(): Promise<Learner> {
    counter += 1;
    const email = `learner${counter}-${prefix}@example.com`;
    const response = await api('POST', '/auth/register', {
      body: { email, password: 'correct horse battery', name: `Learner ${counter}` },
    });
    expect(response.status).toBe(201);
    return { token: response.body.accessToken, userId: response.body.user.id, email };
  }

  /** Publishes a source event to the broker, signed, as its producer would. */
  async function publish<T extends EventType>(type: T, payload: EventPayloads[T]) {
    const event = createEvent(type, payload, 'roadmap');
    await services.auth.app.get(EventPublisher).publish(event);
    return event;
  }

  const notificationsOf = (userId: string) =>
    services.db.collection('notifications').find({ userId }).toArray();

  const taskCompleted = (userId: string, taskId: string): EventPayloads['task.completed'] => ({
    taskId,
    userId,
    topic: 'graphs',
    problemId: 'cf-1459B',
    verificationSource: 'codeforces',
    assignedBy: null,
    estimatedTimeMinutes: 30,
    evidence: { kind: 'submission', ref: 'codeforces:100001', at: new Date().toISOString() },
    startedAt: new Date(Date.now() - 3_600_000).toISOString(),
    completedAt: new Date().toISOString(),
  });

  const setPreferences = async (
    learner: Learner,
    preferences: Array<{ kind: NotificationKind; inApp?: boolean; email?: string }>,
  ) => {
    const response = await api('PUT', '/me/notification-preferences', {
      token: learner.token,
      body: { preferences },
    });
    expect(response.status).toBe(200);
    return response.body;
  };

  return {
    services,
    streams,
    api,
    register,
    publish,
    notificationsOf,
    taskCompleted,
    setPreferences,
  };
}
