import { getConnectionToken, getModelToken } from '@nestjs/mongoose';
import { type RpcReply, RPC_PATTERNS } from '@prepmate/contracts';
import { RabbitMqTransport, RpcClient, signMessage } from '@prepmate/messaging';
import { AppError, DEV_MESSAGE_SIGNING_SECRET } from '@prepmate/platform';
import {
  connectRaw,
  deleteSystemTopology,
  eventually,
  isolatedEnv,
  REPO_ROOT,
  runCommand,
  startTestService,
  type TestService,
  apiClient,
  expectErrorShape,
} from '@prepmate/testing';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection, Model } from 'mongoose';
import { AuthModule } from '../../apps/auth/src/auth.module';
import { configureGateway } from '../../apps/gateway/src/configure-gateway';
import { GatewayModule } from '../../apps/gateway/src/gateway.module';
import { IngestionModule } from '../../apps/ingestion/src/ingestion.module';
import { NormalizationModule } from '../../apps/normalization/src/normalization.module';
import { SubmissionStore } from '../../apps/ingestion/src/submissions/submission.store';
import { RefreshTokenStore } from '../../apps/auth/src/tokens/refresh-token.store';
import {
  REFRESH_FAMILY_MODEL,
  type RefreshFamilyDocument,
} from '../../apps/auth/src/tokens/refresh-family.schema';
import { grantRole } from '../../tools/admin/grant-role';

/**
 * The attacks of issue 11 that concern identities, sessions and roles, each through the
 * gateway (or straight onto the broker, where the attack is a forged message). Every test
 * failed before its fix; docs/security.md lists the controls.
 */
describe('security: identities, sessions and roles', () => {
  const { AMQP_EXCHANGE, prefix } = isolatedEnv('security');
  const keysDir = mkdtempSync(join(tmpdir(), 'prepmate-keys-'));
  const shared = {
    AMQP_EXCHANGE,
    AMQP_QUEUE_PREFIX: `${prefix}.`,
    REDIS_KEY_PREFIX: `${prefix}:`,
    MONGO_DB_PREFIX: prefix,
    RPC_TIMEOUT_MS: '3000',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000',
    RATE_LIMIT_USER_PER_MINUTE: '1000',
  };
  const authEnv = { ...shared, JWT_DEV_KEYS_DIR: keysDir };
  let auth: TestService;
  let gateway: TestService;
  let api: ReturnType<typeof apiClient>;
  const password = 'correct horse battery';
  const extraGateways: TestService[] = [];

  beforeAll(async () => {
    auth = await startTestService({
      module: AuthModule,
      transport: RabbitMqTransport,
      env: authEnv,
    });
    await auth.app.get(RabbitMqTransport).waitUntilConsuming();
    gateway = await startTestService({
      module: GatewayModule,
      configure: configureGateway,
      env: { ...shared, JWKS_CACHE_TTL_SECONDS: '1' },
    });
    api = apiClient(gateway.url);
  });

  afterAll(async () => {
    for (const extra of extraGateways) await extra.close();
    await gateway?.close();
    if (auth) {
      await auth.app
        .get<Connection>(getConnectionToken())
        .dropDatabase()
        .catch(() => undefined);
      await auth.close();
    }
    await deleteSystemTopology(AMQP_EXCHANGE, `${prefix}.`);
  });

  async function gatewayWith(env: Record<string, string>) {
    const started = await startTestService({
      module: GatewayModule,
      configure: configureGateway,
      env: { ...shared, ...env },
    });
    extraGateways.push(started);
    return apiClient(started.url);
  }

  let counter = 0;
  async function register() {
    counter += 1;
    const email = `sec${counter}-${prefix}@example.com`;
    const response = await api('POST', '/auth/register', {
      body: { email, password, name: `User ${counter}` },
    });
    expect(response.status).toBe(201);
    return {
      id: response.body.user.id as string,
      email,
      token: response.body.accessToken as string,
      refreshToken: response.body.refreshToken as string,
      role: response.body.user.role as string,
    };
  }

  async function login(email: string) {
    const response = await api('POST', '/auth/login', { body: { email, password } });
    expect(response.status).toBe(200);
    return response.body as { accessToken: string; refreshToken: string; user: { role: string } };
  }

  async function admin() {
    const user = await register();
    await grantRole(gateway.app.get(RpcClient), user.email, 'admin', 'test');
    return { ...user, token: (await login(user.email)).accessToken };
  }

  const rpc = () => gateway.app.get(RpcClient);

  describe('point 1: rate limits and login guessing', () => {
    const loginAs = (client: ReturnType<typeof apiClient>, forwardedFor: string) =>
      client('POST', '/auth/login', {
        body: { email: `nobody-${prefix}@example.com`, password },
        headers: { 'x-forwarded-for': forwardedFor },
      });

    it('TRUST_PROXY=false means off: a rotated X-Forwarded-For does not escape the limit', async () => {
      const strict = await gatewayWith({
        TRUST_PROXY: 'false',
        RATE_LIMIT_ANONYMOUS_PER_MINUTE: '3',
        REDIS_KEY_PREFIX: `${prefix}:off:`,
      });
      const statuses = [];
      for (let n = 0; n < 5; n += 1)
        statuses.push((await loginAs(strict, `198.51.100.${n}`)).status);
      // Before: Boolean('false') turned trust on, every request had a new key: 401 × 5.
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    });

    it('a hop count trusts only the proxy-appended address, not the client-written leftmost one', async () => {
      const behindOne = await gatewayWith({
        TRUST_PROXY: '1',
        RATE_LIMIT_ANONYMOUS_PER_MINUTE: '3',
        REDIS_KEY_PREFIX: `${prefix}:hops:`,
      });
      const statuses = [];
      for (let n = 0; n < 5; n += 1)
        statuses.push((await loginAs(behindOne, `10.9.9.${n}, 203.0.113.77`)).status);
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    });

    it('IPv6 clients are limited by their /64: rotating the interface id does not help', async () => {
      const behindOne = await gatewayWith({
        TRUST_PROXY: '1',
        RATE_LIMIT_ANONYMOUS_PER_MINUTE: '3',
        REDIS_KEY_PREFIX: `${prefix}:v6:`,
      });
      const statuses = [];
      for (let n = 1; n <= 5; n += 1)
        statuses.push((await loginAs(behindOne, `2001:db8:77:1::${n.toString(16)}`)).status);
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      expect((await loginAs(behindOne, '2001:db8:77:2::1')).status).toBe(401);
    });

    it('parallel password guesses: only LOGIN_MAX_FAILURES of them reach the password check', async () => {
      const user = await register();
      const guesses = await Promise.all(
        Array.from({ length: 15 }, (_, n) =>
          api('POST', '/auth/login', { body: { email: user.email, password: `guess ${n}` } }),
        ),
      );
      const statuses = guesses.map((response) => response.status).sort();
      // Before: the count was read before any failure was written: 15 × 401.
      expect(statuses.filter((status) => status === 401)).toHaveLength(5);
      expect(statuses.filter((status) => status === 429)).toHaveLength(10);
    });
  });

  describe('point 2: roles', () => {
    it('registration never grants a role; the operator command and admins do, audited', async () => {
      const user = await register();
      expect(user.role).toBe('student');
      const root = await admin();
      const promote = await api('PATCH', `/admin/users/${user.id}`, {
        token: root.token,
        body: { role: 'mentor' },
      });
      expect(promote.status).toBe(200);
      expect(promote.body).toMatchObject({ id: user.id, role: 'mentor', isActive: true });
      expect((await login(user.email)).user.role).toBe('mentor');

      // A student cannot use the route; a role outside the list is refused.
      expectErrorShape(
        await api('PATCH', `/admin/users/${root.id}`, {
          token: user.token,
          body: { role: 'student' },
        }),
        403,
        'FORBIDDEN',
      );
      expectErrorShape(
        await api('PATCH', `/admin/users/${user.id}`, {
          token: root.token,
          body: { role: 'owner' },
        }),
        400,
        'VALIDATION_FAILED',
      );

      const audit = await api('GET', '/admin/audit?limit=100', { token: root.token });
      expect(audit.status).toBe(200);
      const changes = audit.body.items.filter(
        (item: { type: string; subjectId: string }) =>
          item.type === 'user.role_changed' && [user.id, root.id].includes(item.subjectId),
      );
      expect(changes).toEqual([
        expect.objectContaining({
          actorId: root.id,
          subjectId: user.id,
          details: { from: 'student', to: 'mentor' },
        }),
        expect.objectContaining({
          actorId: 'operator:test',
          subjectId: root.id,
          details: { from: 'student', to: 'admin' },
        }),
      ]);
    });

    it('demotion and lock take effect at once: the old access token is refused', async () => {
      const root = await admin();
      const other = await admin();
      const locked = await api('PATCH', `/admin/users/${other.id}`, {
        token: root.token,
        body: { isActive: false },
      });
      expect(locked.body).toMatchObject({ isActive: false, role: 'admin' });
      // Before: the 15-minute token kept its admin rights.
      const refused = await api('GET', '/admin/users', { token: other.token });
      expectErrorShape(refused, 401, 'UNAUTHENTICATED');
      expectErrorShape(
        await api('POST', '/auth/login', { body: { email: other.email, password } }),
        401,
        'UNAUTHENTICATED',
      );
      expectErrorShape(
        await api('POST', '/auth/refresh', { body: { refreshToken: other.refreshToken } }),
        401,
        'UNAUTHENTICATED',
      );
      const unlocked = await api('PATCH', `/admin/users/${other.id}`, {
        token: root.token,
        body: { isActive: true, role: 'student' },
      });
      expect(unlocked.body).toMatchObject({ isActive: true, role: 'student' });
      expect((await login(other.email)).user.role).toBe('student');
    });

    it('the last active admin cannot demote or lock themselves (409)', async () => {
      // Demote every other admin first, so `last` is the only one left.
      const last = await admin();
      const db = auth.app.get<Connection>(getConnectionToken()).db!;
      await db
        .collection('users')
        .updateMany(
          { role: 'admin', _id: { $ne: last.id as never } },
          { $set: { role: 'student' } },
        );
      const response = await api('PATCH', `/admin/users/${last.id}`, {
        token: last.token,
        body: { role: 'student' },
      });
      expectErrorShape(response, 409, 'CONFLICT');
      expect(response.body.error.reason).toBe('LAST_ADMIN');
      expectErrorShape(
        await api('PATCH', `/admin/users/${last.id}`, {
          token: last.token,
          body: { isActive: false },
        }),
        409,
        'CONFLICT',
      );
      expect((await login(last.email)).user.role).toBe('admin');
    });
  });

  describe('point 4: the broker is not trusted', () => {
    /** Publishes an RPC request straight onto auth's queue, as anyone with broker access could. */
    async function rawRpc(request: object, signature?: string): Promise<RpcReply> {
      const connection = await connectRaw();
      try {
        const channel = await connection.createChannel();
        const reply = new Promise<RpcReply>((resolve) => {
          void channel.consume(
            'amq.rabbitmq.reply-to',
            (message) => message && resolve(JSON.parse(message.content.toString()) as RpcReply),
            { noAck: true },
          );
        });
        const body = Buffer.from(JSON.stringify(request));
        channel.sendToQueue(`${prefix}.auth.rpc`, body, {
          replyTo: 'amq.rabbitmq.reply-to',
          correlationId: 'attack',
          headers: signature ? { 'x-prepmate-signature': signature } : {},
        });
        return await reply;
      } finally {
        await connection.close();
      }
    }

    it('refuses an unsigned or forged caller before any handler runs', async () => {
      const victim = await register();
      const attack = {
        pattern: RPC_PATTERNS.authUpdateMe,
        data: { role: 'admin' },
        caller: { userId: victim.id, role: 'admin' },
        expiresAt: Date.now() + 60_000,
      };
      // Before: the request was handled and `$set: { role: 'admin' }` made the caller admin.
      const unsigned = await rawRpc(attack);
      expect(unsigned).toEqual({
        ok: false,
        error: { code: 'UNAUTHENTICATED', message: 'RPC request is not signed by this system' },
      });
      const forged = await rawRpc(
        attack,
        signMessage('rpc', Buffer.from('{}'), 'a guessed secret 0123456789abcdef'),
      );
      expect(forged.ok).toBe(false);
      const expired = { ...attack, expiresAt: Date.now() - 120_000 };
      const replayed = await rawRpc(
        expired,
        signMessage('rpc', Buffer.from(JSON.stringify(expired)), DEV_MESSAGE_SIGNING_SECRET),
      );
      expect(replayed).toMatchObject({ ok: false, error: { message: 'RPC request has expired' } });
      expect((await login(victim.email)).user.role).toBe('student');
    });

    it('a signed update_me carrying a role or flag changes only the profile fields', async () => {
      const user = await register();
      const caller = { userId: user.id, role: 'student' as const };
      const updated = await rpc().request<{ role: string; name: string }>(
        'auth',
        RPC_PATTERNS.authUpdateMe,
        { name: 'Mallory', role: 'admin', isActive: false, passwordHash: 'x', emailKey: 'x' },
        { caller },
      );
      expect(updated).toMatchObject({ name: 'Mallory', role: 'student' });
      expect((await login(user.email)).user.role).toBe('student');
    });
  });

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

  describe('point 8: refresh-family revocation cannot race a rotation', () => {
    it('a rotation racing a reuse of an older token never leaves a live token', async () => {
      const user = await register();
      // Sessions one after the other (parallel logins would count against the login throttle).
      const sessions = [];
      for (let n = 0; n < 8; n += 1) sessions.push(await login(user.email));
      const outcomes = await Promise.all(
        sessions.map(async (session) => {
          const first = await api('POST', '/auth/refresh', {
            body: { refreshToken: session.refreshToken },
          });
          const [rotation] = await Promise.all([
            api('POST', '/auth/refresh', { body: { refreshToken: first.body.refreshToken } }),
            api('POST', '/auth/refresh', { body: { refreshToken: session.refreshToken } }),
          ]);
          if (rotation.status !== 200) return 'rotation refused';
          const next = await api('POST', '/auth/refresh', {
            body: { refreshToken: rotation.body.refreshToken },
          });
          return next.status === 200 ? 'live token left' : 'revoked';
        }),
      );
      expect(outcomes).not.toContain('live token left');
      const audit = await api('GET', '/admin/audit?limit=100', { token: (await admin()).token });
      expect(
        audit.body.items.filter(
          (item: { type: string; subjectId: string }) =>
            item.type === 'refresh.reuse_detected' && item.subjectId === user.id,
        ).length,
      ).toBeGreaterThanOrEqual(8);
    });
  });

  describe('point 8, the interleaving itself', () => {
    it("a revocation landing between a rotation's new token and its family check leaves no live token", async () => {
      const user = await register();
      const first = await api('POST', '/auth/refresh', {
        body: { refreshToken: user.refreshToken },
      });
      const families = auth.app.get<Model<RefreshFamilyDocument>>(
        getModelToken(REFRESH_FAMILY_MODEL),
      );
      const original = families.updateOne.bind(families);
      // The rotation's first family write is its extension: before it runs, the old token is
      // reused (which revokes the family), exactly the interleaving that left a live token.
      const spy = jest.spyOn(families, 'updateOne').mockImplementationOnce(((
        ...args: unknown[]
      ) => {
        const reuse = api('POST', '/auth/refresh', { body: { refreshToken: user.refreshToken } });
        return reuse.then(() => (original as (...a: unknown[]) => unknown)(...args));
      }) as never);
      try {
        const rotation = await api('POST', '/auth/refresh', {
          body: { refreshToken: first.body.refreshToken },
        });
        expectErrorShape(rotation, 401, 'UNAUTHENTICATED');
      } finally {
        spy.mockRestore();
      }
    });
  });

  describe('operator command', () => {
    it('npm run admin -- grant promotes an existing account, and fails on an unknown one', async () => {
      const user = await register();
      const env = { ...process.env, ...shared, LOG_LEVEL: 'silent' };
      const run = (args: string[]) =>
        runCommand(
          'node',
          [
            'node_modules/ts-node/dist/bin.js',
            '--transpile-only',
            '-r',
            'tsconfig-paths/register',
            'tools/admin/main.ts',
            ...args,
          ],
          { cwd: REPO_ROOT, env, timeoutMs: 60_000 },
        );
      const granted = await run(['grant', user.email, 'mentor']);
      expect(granted).toMatchObject({ code: 0 });
      expect(granted.stdout).toContain(`${user.email} (${user.id}) is now mentor`);
      expect((await login(user.email)).user.role).toBe('mentor');
      const unknown = await run(['grant', `nobody-${prefix}@example.com`, 'admin']);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('grant failed');
    });
  });

  describe('audit log', () => {
    it('records logins (success and failure) and pages newest first by cursor', async () => {
      const user = await register();
      await api('POST', '/auth/login', { body: { email: user.email, password: 'wrong one' } });
      await login(user.email);
      const root = await admin();
      const first = await api('GET', '/admin/audit?limit=2', { token: root.token });
      expect(first.status).toBe(200);
      expect(first.body.items).toHaveLength(2);
      const second = await api('GET', `/admin/audit?limit=100&cursor=${first.body.nextCursor}`, {
        token: root.token,
      });
      const ids = [...first.body.items, ...second.body.items].map(
        (item: { id: string }) => item.id,
      );
      expect([...ids].sort().reverse()).toEqual(ids);
      const mine = [...first.body.items, ...second.body.items].filter(
        (item: { subjectId: string }) => item.subjectId === user.id,
      );
      expect(mine.map((item: { type: string }) => item.type)).toEqual(
        expect.arrayContaining(['login.succeeded', 'login.failed']),
      );
      expect(mine.find((item: { type: string }) => item.type === 'login.failed').client).toBe(
        '127.0.0.1',
      );
      expectErrorShape(await api('GET', '/admin/audit', { token: user.token }), 403, 'FORBIDDEN');
    });

    it("joins the user's export, and outlives the account without client addresses", async () => {
      const user = await register();
      await api('POST', '/auth/login', { body: { email: user.email, password: 'wrong one' } });
      const caller = { userId: user.id, role: 'student' as const };
      const exported = await rpc().request<{ auditLog: Array<{ type: string; client: string }> }>(
        'auth',
        RPC_PATTERNS.userExport,
        {},
        { caller },
      );
      expect(exported.auditLog).toEqual([
        expect.objectContaining({ type: 'login.failed', client: '127.0.0.1' }),
      ]);
      expect((await api('DELETE', '/me', { token: user.token })).status).toBe(202);
      const root = await admin();
      const audit = await api('GET', '/admin/audit?limit=100', { token: root.token });
      const kept = audit.body.items.filter(
        (item: { subjectId: string }) => item.subjectId === user.id,
      );
      expect(kept.map((item: { type: string }) => item.type).sort()).toEqual([
        'account.deleted',
        'login.failed',
      ]);
      expect(kept.every((item: { client: string | null }) => item.client === null)).toBe(true);
    });
  });

  describe('point 10: refresh tokens are cleaned up', () => {
    it('the sweep deletes expired tokens and families and keeps live ones', async () => {
      const user = await register();
      const db = auth.app.get<Connection>(getConnectionToken()).db!;
      const past = new Date(Date.now() - 60_000);
      await db.collection('refresh_tokens').insertOne({
        _id: `expired-${prefix}` as never,
        familyId: `expired-family-${prefix}`,
        userId: user.id,
        expiresAt: past,
        usedAt: null,
        revokedAt: null,
      });
      await db.collection('refresh_families').insertOne({
        _id: `expired-family-${prefix}` as never,
        userId: user.id,
        revokedAt: null,
        expiresAt: past,
      });
      const removed = await auth.app.get(RefreshTokenStore).sweepExpired();
      expect(removed.tokens).toBeGreaterThanOrEqual(1);
      expect(removed.families).toBeGreaterThanOrEqual(1);
      expect(await db.collection('refresh_tokens').countDocuments({ userId: user.id })).toBe(1);
      expect(await db.collection('refresh_families').countDocuments({ userId: user.id })).toBe(1);
      const refreshed = await api('POST', '/auth/refresh', {
        body: { refreshToken: user.refreshToken },
      });
      expect(refreshed.status).toBe(200);
    });
  });

  describe('point 10: the JWKS cache expires removed keys', () => {
    it('a token signed by a key auth no longer serves is refused after the TTL', async () => {
      const user = await register();
      expect((await api('GET', '/auth/me', { token: user.token })).status).toBe(200);
      // Auth restarts with a new key and without the old one (a rotation after a leak).
      await auth.close();
      auth = await startTestService({
        module: AuthModule,
        transport: RabbitMqTransport,
        env: { ...authEnv, JWT_DEV_KEYS_DIR: mkdtempSync(join(tmpdir(), 'prepmate-keys-')) },
      });
      await auth.app.get(RabbitMqTransport).waitUntilConsuming();
      await new Promise((resolve) => setTimeout(resolve, 1100));
      // Before: the removed key stayed in the cache for the life of the gateway: 200.
      expectErrorShape(await api('GET', '/auth/me', { token: user.token }), 401, 'UNAUTHENTICATED');
      expect(
        (await api('GET', '/auth/me', { token: (await login(user.email)).accessToken })).status,
      ).toBe(200);
    });
  });
});
