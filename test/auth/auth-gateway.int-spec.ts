import { getConnectionToken } from '@nestjs/mongoose';
import { RabbitMqTransport, RpcClient } from '@prepmate/messaging';
import {
  connectRaw,
  deleteSystemTopology,
  isolatedEnv,
  startTestService,
  type TestService,
  apiClient,
  expectErrorShape,
} from '@prepmate/testing';
import { SignJWT, importPKCS8, calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createPublicKey } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from 'mongoose';
import { AuthModule } from '../../apps/auth/src/auth.module';
import { configureGateway } from '../../apps/gateway/src/configure-gateway';
import { GatewayModule } from '../../apps/gateway/src/gateway.module';
import { grantRole } from '../../tools/admin/grant-role';

describe('auth through the gateway', () => {
  const { AMQP_EXCHANGE, prefix } = isolatedEnv('auth');
  const keysDir = mkdtempSync(join(tmpdir(), 'prepmate-keys-'));
  const shared = {
    AMQP_EXCHANGE,
    AMQP_QUEUE_PREFIX: `${prefix}.`,
    REDIS_KEY_PREFIX: `${prefix}:`,
    RPC_TIMEOUT_MS: '1500',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000',
    RATE_LIMIT_USER_PER_MINUTE: '1000',
  };
  let auth: TestService;
  let gateway: TestService;
  let api: ReturnType<typeof apiClient>;
  const password = 'correct horse battery';

  beforeAll(async () => {
    auth = await startTestService({
      module: AuthModule,
      transport: RabbitMqTransport,
      env: {
        ...shared,
        MONGO_DB: `${prefix}_auth`,
        JWT_DEV_KEYS_DIR: keysDir,
      },
    });
    // Auth declares its event queues (the daily loop's notifications) before its RPC queue:
    // a request before then would find no consumer (503).
    await auth.app.get(RabbitMqTransport).waitUntilConsuming();
    gateway = await startTestService({
      module: GatewayModule,
      configure: configureGateway,
      env: shared,
    });
    api = apiClient(gateway.url);
  });

  afterAll(async () => {
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

  let counter = 0;
  async function register(overrides: Record<string, string> = {}) {
    counter += 1;
    const body = {
      email: `user${counter}-${prefix}@example.com`,
      password,
      name: `User ${counter}`,
      ...overrides,
    };
    const response = await api('POST', '/auth/register', { body });
    expect(response.status).toBe(201);
    return { ...response.body, email: body.email } as {
      user: { id: string; role: string };
      accessToken: string;
      refreshToken: string;
      email: string;
    };
  }

  describe('accounts', () => {
    it('registers, and answers the documented shape without secrets', async () => {
      const response = await api('POST', '/auth/register', {
        body: { email: `  Ada-${prefix}@Example.com `, password, name: 'Ada' },
      });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        user: {
          email: `Ada-${prefix}@Example.com`,
          name: 'Ada',
          role: 'student',
          targetCompanies: [],
          preparationTargetDate: null,
        },
        expiresIn: 900,
      });
      expect(response.body.accessToken.split('.')).toHaveLength(3);
      expect(JSON.stringify(response.body)).not.toMatch(/password|hash/i);
    });

    it('refuses a second account with the same email in any case (409)', async () => {
      const response = await api('POST', '/auth/register', {
        body: { email: `ADA-${prefix}@example.COM`, password, name: 'Other Ada' },
      });
      expectErrorShape(response, 409, 'CONFLICT');
      expect(response.body.error).toMatchObject({ field: 'email', reason: 'EMAIL_TAKEN' });
    });

    it('logs in, and gives the same answer for an unknown email and a wrong password', async () => {
      const user = await register();
      const ok = await api('POST', '/auth/login', {
        body: { email: user.email.toUpperCase(), password },
      });
      expect(ok.status).toBe(200);
      expect(ok.body.user.id).toBe(user.user.id);
      const wrong = await api('POST', '/auth/login', {
        body: { email: user.email, password: 'not the password' },
      });
      const unknown = await api('POST', '/auth/login', {
        body: { email: `nobody-${prefix}@example.com`, password },
      });
      expectErrorShape(wrong, 401, 'UNAUTHENTICATED');
      expectErrorShape(unknown, 401, 'UNAUTHENTICATED');
      expect(wrong.body.error.message).toBe(unknown.body.error.message);
    });

    it('reads and updates the profile', async () => {
      const { accessToken } = await register();
      // A new account's days are UTC days until the learner says otherwise.
      expect((await api('GET', '/auth/me', { token: accessToken })).body.timeZone).toBe('UTC');
      const patched = await api('PATCH', '/auth/me', {
        token: accessToken,
        body: {
          name: 'Grace',
          targetCompanies: ['Google'],
          preparationTargetDate: '2027-03-01',
          timeZone: 'America/New_York',
        },
      });
      expect(patched.status).toBe(200);
      const me = await api('GET', '/auth/me', { token: accessToken });
      expect(me.body).toMatchObject({
        name: 'Grace',
        targetCompanies: ['Google'],
        preparationTargetDate: '2027-03-01',
        timeZone: 'America/New_York',
        role: 'student',
      });
      expect(Object.keys(me.body).sort()).toEqual([
        'createdAt',
        'email',
        'id',
        'name',
        'preparationTargetDate',
        'role',
        'targetCompanies',
        'timeZone',
      ]);
      const bad = await api('PATCH', '/auth/me', {
        token: accessToken,
        body: { preparationTargetDate: 'next spring', timeZone: 'Mars/Olympus_Mons' },
      });
      expectErrorShape(bad, 400, 'VALIDATION_FAILED');
      expect(bad.body.error.details).toEqual([
        { field: 'preparationTargetDate', message: 'must be an ISO 8601 date' },
        { field: 'timeZone', message: 'must be an IANA time zone such as Europe/Berlin' },
      ]);
      const unchanged = await api('GET', '/auth/me', { token: accessToken });
      expect(unchanged.body.timeZone).toBe('America/New_York');
    });
  });

  describe('refresh tokens', () => {
    it('rotates on every use; reusing a used token revokes the whole family', async () => {
      const { refreshToken } = await register();
      const first = await api('POST', '/auth/refresh', { body: { refreshToken } });
      expect(first.status).toBe(200);
      expect(first.body.refreshToken).not.toBe(refreshToken);
      const reuse = await api('POST', '/auth/refresh', { body: { refreshToken } });
      expectErrorShape(reuse, 401, 'UNAUTHENTICATED');
      const successor = await api('POST', '/auth/refresh', {
        body: { refreshToken: first.body.refreshToken },
      });
      expectErrorShape(successor, 401, 'UNAUTHENTICATED');
    });

    it('logout revokes the family (204)', async () => {
      const { accessToken, refreshToken } = await register();
      const logout = await api('POST', '/auth/logout', {
        token: accessToken,
        body: { refreshToken },
      });
      expect(logout.status).toBe(204);
      expectErrorShape(
        await api('POST', '/auth/refresh', { body: { refreshToken } }),
        401,
        'UNAUTHENTICATED',
      );
    });
  });

  describe('access tokens', () => {
    async function devKey() {
      const pem = readFileSync(join(keysDir, 'dev-signing-key.pem'), 'utf8');
      const jwk = await exportJWK(createPublicKey(pem));
      return { key: await importPKCS8(pem, 'RS256'), kid: await calculateJwkThumbprint(jwk), pem };
    }
    const claims = (sub: string) =>
      new SignJWT({ role: 'admin' })
        .setSubject(sub)
        .setIssuer('prepmate-auth')
        .setAudience('prepmate')
        .setIssuedAt();

    it('accepts a token signed by auth and rejects it once expired', async () => {
      const { user } = await register();
      const { key, kid } = await devKey();
      const valid = await claims(user.id)
        .setProtectedHeader({ alg: 'RS256', kid })
        .setExpirationTime('5m')
        .sign(key);
      expect((await api('GET', '/auth/me', { token: valid })).status).toBe(200);
      const past = Math.floor(Date.now() / 1000) - 120;
      const expired = await claims(user.id)
        .setProtectedHeader({ alg: 'RS256', kid })
        .setIssuedAt(past - 900)
        .setExpirationTime(past)
        .sign(key);
      const response = await api('GET', '/auth/me', { token: expired });
      expectErrorShape(response, 401, 'UNAUTHENTICATED');
      expect(response.body.error.message).toBe('access token has expired');
    });

    it('rejects forged, alg:none and HS256 tokens', async () => {
      const { user } = await register();
      const { kid, pem } = await devKey();
      const other = await generateKeyPair('RS256');
      const forged = await claims(user.id)
        .setProtectedHeader({ alg: 'RS256', kid })
        .setExpirationTime('5m')
        .sign(other.privateKey);
      const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const payload = {
        sub: user.id,
        role: 'admin',
        iss: 'prepmate-auth',
        aud: 'prepmate',
        iat: Math.floor(Date.now() / 1000),
        exp: Math.floor(Date.now() / 1000) + 300,
      };
      const none = `${encode({ alg: 'none', typ: 'JWT', kid })}.${encode(payload)}.`;
      const hs256 = await new SignJWT(payload)
        .setProtectedHeader({ alg: 'HS256', kid })
        .sign(new TextEncoder().encode(pem));
      for (const token of [forged, none, hs256, 'not-a-jwt', `${forged}x`]) {
        expectErrorShape(await api('GET', '/auth/me', { token }), 401, 'UNAUTHENTICATED');
      }
      expectErrorShape(
        await api('GET', '/auth/me', { headers: { authorization: 'Basic abc' } }),
        401,
        'UNAUTHENTICATED',
      );
      expectErrorShape(await api('GET', '/auth/me'), 401, 'UNAUTHENTICATED');
    });
  });

  describe('roles and ownership', () => {
    it('lets admins list users and refuses students (403)', async () => {
      const student = await register();
      expectErrorShape(
        await api('GET', '/admin/users', { token: student.accessToken }),
        403,
        'FORBIDDEN',
      );
      const root = await register({ email: `root-${prefix}@example.com` });
      expect(root.user.role).toBe('student');
      await grantRole(gateway.app.get(RpcClient), root.email, 'admin', 'test');
      const admin = await api('POST', '/auth/login', { body: { email: root.email, password } });
      expect(admin.body.user.role).toBe('admin');
      const page = await api('GET', '/admin/users?limit=2', { token: admin.body.accessToken });
      expect(page.status).toBe(200);
      expect(page.body.items).toHaveLength(2);
      expect(typeof page.body.nextCursor).toBe('string');
      const next = await api('GET', `/admin/users?limit=2&cursor=${page.body.nextCursor}`, {
        token: admin.body.accessToken,
      });
      expect(next.body.items[0].id > page.body.items[1].id).toBe(true);
      expectErrorShape(
        await api('GET', '/admin/users?limit=500', { token: admin.body.accessToken }),
        400,
        'VALIDATION_FAILED',
      );
    });

    it('lets a user read only their own profile; a mentor only their students', async () => {
      const alice = await register();
      const bob = await register();
      expect(
        (await api('GET', `/users/${alice.user.id}`, { token: alice.accessToken })).status,
      ).toBe(200);
      expectErrorShape(
        await api('GET', `/users/${bob.user.id}`, { token: alice.accessToken }),
        403,
        'FORBIDDEN',
      );
      const db = auth.app.get<Connection>(getConnectionToken()).db!;
      await db
        .collection('users')
        .updateOne({ _id: alice.user.id as never }, { $set: { role: 'mentor' } });
      const mentor = await api('POST', '/auth/login', { body: { email: alice.email, password } });
      expect(mentor.body.user.role).toBe('mentor');
      // Bob is not Alice's student (docs/security.md#mentor-scope; test/auth/mentors.int-spec.ts).
      expectErrorShape(
        await api('GET', `/users/${bob.user.id}`, { token: mentor.body.accessToken }),
        403,
        'FORBIDDEN',
      );
    });
  });

  describe('bad input', () => {
    it('rejects malformed JSON, unknown fields, operator injection and oversized bodies', async () => {
      expectErrorShape(
        await api('POST', '/auth/login', { raw: '{"email": "a@b.c",' }),
        400,
        'BAD_REQUEST',
      );
      const unknown = await api('POST', '/auth/register', {
        body: { email: `x-${prefix}@example.com`, password, name: 'X', role: 'admin' },
      });
      expectErrorShape(unknown, 400, 'VALIDATION_FAILED');
      expect(unknown.body.error.details).toEqual([
        { field: 'role', message: 'property role should not exist' },
      ]);
      const injection = await api('POST', '/auth/login', {
        body: { email: { $gt: '' }, password: { $ne: null } },
      });
      expectErrorShape(injection, 400, 'VALIDATION_FAILED');
      expect(
        [
          ...new Set(injection.body.error.details.map((detail: { field: string }) => detail.field)),
        ].sort(),
      ).toEqual(['email', 'password']);
      const huge = await api('POST', '/auth/login', {
        raw: JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(2 * 1024 * 1024) }),
      });
      expectErrorShape(huge, 413, 'PAYLOAD_TOO_LARGE');
    });

    it('carries x-request-id in and out', async () => {
      const response = await api('GET', '/auth/me', {
        headers: { 'x-request-id': 'client-req-42' },
      });
      expect(response.headers.get('x-request-id')).toBe('client-req-42');
      expect(response.body.error.requestId).toBe('client-req-42');
    });
  });

  describe('throttling', () => {
    it('locks an IP+email out after 5 failed logins (429 with retry-after), even with the right password', async () => {
      const user = await register();
      for (let attempt = 0; attempt < 5; attempt += 1) {
        expect(
          (
            await api('POST', '/auth/login', {
              body: { email: user.email, password: 'wrong password' },
            })
          ).status,
        ).toBe(401);
      }
      const locked = await api('POST', '/auth/login', { body: { email: user.email, password } });
      expectErrorShape(locked, 429, 'RATE_LIMITED');
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
    });

    it('limits anonymous callers per IP and users per account (429 with retry-after)', async () => {
      const env = {
        ...shared,
        REDIS_KEY_PREFIX: `${prefix}:limits:`,
        RATE_LIMIT_ANONYMOUS_PER_MINUTE: '3',
        RATE_LIMIT_USER_PER_MINUTE: '4',
      };
      const strict = await startTestService({
        module: GatewayModule,
        configure: configureGateway,
        env,
      });
      try {
        const strictApi = apiClient(strict.url);
        const statuses = [];
        for (let n = 0; n < 4; n += 1)
          statuses.push(
            (
              await strictApi('POST', '/auth/login', {
                body: { email: `n-${prefix}@example.com`, password },
              })
            ).status,
          );
        expect(statuses).toEqual([401, 401, 401, 429]);
        const { accessToken } = await register();
        const mine = [];
        for (let n = 0; n < 5; n += 1)
          mine.push(await strictApi('GET', '/auth/me', { token: accessToken }));
        expect(mine.map((response) => response.status)).toEqual([200, 200, 200, 200, 429]);
        expectErrorShape(mine[4], 429, 'RATE_LIMITED');
        expect(Number(mine[4].headers.get('retry-after'))).toBeGreaterThan(0);
        expect(mine[0].headers.get('x-ratelimit-remaining')).toBe('3');
      } finally {
        await strict.close();
      }
    });
  });

  describe('privacy', () => {
    it("exports the caller's data and deletes the account (202)", async () => {
      const user = await register();
      // Only auth runs in this test: an export needs every service, so it is refused whole.
      expectErrorShape(
        await api('GET', '/me/export', { token: user.accessToken }),
        503,
        'UPSTREAM_UNAVAILABLE',
      );
      const deleted = await api('DELETE', '/me', { token: user.accessToken });
      expect(deleted.status).toBe(202);
      expect(deleted.body.deleted.auth).toBeGreaterThanOrEqual(2);
      expect(deleted.body.pending.sort()).toEqual([
        'advisory',
        'aggregation',
        'ingestion',
        'normalization',
        'roadmap',
        'synergy',
      ]);
      expectErrorShape(
        await api('POST', '/auth/login', { body: { email: user.email, password } }),
        401,
        'UNAUTHENTICATED',
      );
      // The deny-list refuses the deleted account's still-unexpired token at the gateway.
      const after = await api('GET', '/auth/me', { token: user.accessToken });
      expectErrorShape(after, 401, 'UNAUTHENTICATED');
      expect(after.body.error.message).toBe('access token has been revoked');
    });
  });

  describe('a service that is down or silent', () => {
    it('answers 503 at once when auth is stopped, and 504 within the timeout when it does not answer', async () => {
      const { accessToken } = await register();
      await auth.app.get<Connection>(getConnectionToken()).dropDatabase();
      await auth.close();
      let started = Date.now();
      expectErrorShape(
        await api('GET', '/auth/me', { token: accessToken }),
        503,
        'UPSTREAM_UNAVAILABLE',
      );
      expect(Date.now() - started).toBeLessThan(1000);

      // Something takes auth's requests but never answers.
      const connection = await connectRaw();
      const channel = await connection.createChannel();
      await channel.assertQueue(`${prefix}.auth.rpc`, { durable: false, autoDelete: true });
      await channel.consume(`${prefix}.auth.rpc`, () => undefined);
      try {
        started = Date.now();
        expectErrorShape(
          await api('POST', '/auth/login', {
            body: { email: `a-${prefix}@example.com`, password },
          }),
          504,
          'UPSTREAM_TIMEOUT',
        );
        expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
        expect(Date.now() - started).toBeLessThan(3000);
      } finally {
        await connection.close();
      }
    });
  });
});
