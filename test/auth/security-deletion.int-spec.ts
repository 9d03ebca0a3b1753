import { getConnectionToken } from '@nestjs/mongoose';
import { RPC_PATTERNS } from '@prepmate/contracts';
import { RabbitMqTransport } from '@prepmate/messaging';
import { AppError } from '@prepmate/platform';
import {
  connectRaw,
  eventually,
  startTestService,
  type TestService,
  expectErrorShape,
} from '@prepmate/testing';
import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { IngestionModule } from '../../apps/ingestion/src/ingestion.module';
import { NormalizationModule } from '../../apps/normalization/src/normalization.module';
import { SubmissionStore } from '../../apps/ingestion/src/submissions/submission.store';
import { securitySystem } from './security-system';

/**
 * The attacks of issue 11 that concern identities, sessions and roles, each through the
 * gateway (or straight onto the broker, where the attack is a forged message). Every test
 * failed before its fix; docs/security.md lists the controls. This file: a deleted account,
 * with ingestion running.
 */
describe('security: account deletion with ingestion running', () => {
  const { AMQP_EXCHANGE, prefix, shared, api, register, rpc } = securitySystem();

  describe('points 4 and 6: with ingestion running', () => {
    let ingestion: TestService;
    // An import asks normalization which of its problems are new (the daily cap on new
    // problems, docs/security-input.md), so normalization runs beside ingestion.
    let normalization: TestService;

    beforeAll(async () => {
      [ingestion, normalization] = await Promise.all(
        [IngestionModule, NormalizationModule].map((module) =>
          startTestService({ module, transport: RabbitMqTransport, env: shared }),
        ),
      );
      for (const service of [ingestion, normalization])
        await service.app.get(RabbitMqTransport).waitUntilConsuming();
    });

    afterAll(async () => {
      for (const service of [ingestion, normalization]) {
        await service.app
          .get<Connection>(getConnectionToken())
          .dropDatabase()
          .catch(() => undefined);
        await service.close();
      }
    });

    const body = { platform: 'codeforces', submissions: [] };
    /** An import sent straight to ingestion over a signed RPC: a write that passed the gateway. */
    const importAs = (userId: string) =>
      rpc()
        .request(
          'ingestion',
          RPC_PATTERNS.ingestionImport,
          { format: 'prepmate', body },
          { caller: { userId, role: 'student' } },
        )
        .then(
          () => 'ok',
          (error: AppError) => error.code,
        );

    it('a deleted account: its access token and its data writes are refused at once', async () => {
      const user = await register();
      expect(await importAs(user.id)).not.toBe('NOT_FOUND');
      const deleted = await api('DELETE', '/me', { token: user.token });
      expect(deleted.status).toBe(202);
      expect(deleted.body.deleted).toHaveProperty('ingestion');
      // Before: the token stayed valid for up to 15 minutes and imports were stored.
      expectErrorShape(
        await api('POST', '/submissions/import', { token: user.token, body }),
        401,
        'UNAUTHENTICATED',
      );
      // A write that still reaches ingestion (a queued job, an event in flight) meets the tombstone.
      expect(await importAs(user.id)).toBe('NOT_FOUND');
    });

    it('an import that raced the deletion (passed the check, stored after it) is erased', async () => {
      const user = await register();
      const store = ingestion.app.get(SubmissionStore);
      const original = store.store.bind(store);
      // The account is deleted after the import passed the tombstone check, before it stores.
      const spy = jest.spyOn(store, 'store').mockImplementationOnce(async (...args) => {
        expect((await api('DELETE', '/me', { token: user.token })).status).toBe(202);
        return original(...args);
      });
      try {
        const imported = await api('POST', '/submissions/import', {
          token: user.token,
          body: {
            platform: 'codeforces',
            submissions: [
              {
                platformSubmissionId: '900001',
                problem: { platformProblemId: '4A', title: 'Watermelon' },
                verdict: 'accepted',
                submittedAt: '2026-03-01T10:00:00Z',
              },
            ],
          },
        });
        expect(imported.status).toBe(202);
        expect(imported.body.inserted).toBe(1);
      } finally {
        spy.mockRestore();
      }
      const db = ingestion.app.get<Connection>(getConnectionToken()).db!;
      expect(await db.collection('submissions').countDocuments({ userId: user.id })).toBe(0);
      expect(await db.collection('sync_logs').countDocuments({ userId: user.id })).toBe(0);
    });

    it('a forged user.deleted published onto the exchange is dead-lettered, not obeyed', async () => {
      const victim = await register();
      const connection = await connectRaw();
      try {
        const channel = await connection.createChannel();
        const forged = {
          eventId: randomUUID(),
          type: 'user.deleted',
          version: 1,
          occurredAt: new Date().toISOString(),
          producer: 'auth',
          correlationId: randomUUID(),
          payload: { userId: victim.id },
        };
        channel.publish(AMQP_EXCHANGE, 'user.deleted', Buffer.from(JSON.stringify(forged)), {
          contentType: 'application/json',
        });
        const dlq = `${prefix}.ingestion.user.deleted.dlq`;
        await eventually(
          () => channel.checkQueue(dlq).then((queue) => queue.messageCount),
          (count) => count === 1,
          { what: 'the forged event in the dead-letter queue' },
        );
      } finally {
        await connection.close();
      }
      // Before: ingestion deleted the victim's data and tombstoned them (imports then 404).
      expect(await importAs(victim.id)).not.toBe('NOT_FOUND');
    });
  });
});
