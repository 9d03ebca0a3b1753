import { getConnectionToken, getModelToken } from '@nestjs/mongoose';
import { RPC_PATTERNS } from '@prepmate/contracts';
import { RabbitMqTransport } from '@prepmate/messaging';
import { REPO_ROOT, runCommand, startTestService, expectErrorShape } from '@prepmate/testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection, Model } from 'mongoose';
import { AuthModule } from '../../apps/auth/src/auth.module';
import { RefreshTokenStore } from '../../apps/auth/src/tokens/refresh-token.store';
import {
  REFRESH_FAMILY_MODEL,
  type RefreshFamilyDocument,
} from '../../apps/auth/src/tokens/refresh-family.schema';
import { securitySystem } from './security-system';

/**
 * The attacks of issue 11 that concern identities, sessions and roles, each through the
 * gateway (or straight onto the broker, where the attack is a forged message). Every test
 * failed before its fix; docs/security.md lists the controls. This file: refresh-token
 * races, the operator command, the audit log, token and key expiry.
 */
describe('security: sessions, the operator command and the audit log', () => {
  const { prefix, shared, authEnv, api, register, login, admin, rpc, services } = securitySystem();

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
      const families = services.auth.app.get<Model<RefreshFamilyDocument>>(
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
      const db = services.auth.app.get<Connection>(getConnectionToken()).db!;
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
      const removed = await services.auth.app.get(RefreshTokenStore).sweepExpired();
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
      await services.auth.close();
      services.auth = await startTestService({
        module: AuthModule,
        transport: RabbitMqTransport,
        env: { ...authEnv, JWT_DEV_KEYS_DIR: mkdtempSync(join(tmpdir(), 'prepmate-keys-')) },
      });
      await services.auth.app.get(RabbitMqTransport).waitUntilConsuming();
      await new Promise((resolve) => setTimeout(resolve, 1100));
      // Before: the removed key stayed in the cache for the life of the gateway: 200.
      expectErrorShape(await api('GET', '/auth/me', { token: user.token }), 401, 'UNAUTHENTICATED');
      expect(
        (await api('GET', '/auth/me', { token: (await login(user.email)).accessToken })).status,
      ).toBe(200);
    });
  });
});
