import { type RpcReply, RPC_PATTERNS } from '@prepmate/contracts';
import { signMessage } from '@prepmate/messaging';
import { DEV_MESSAGE_SIGNING_SECRET } from '@prepmate/platform';
import { connectRaw, apiClient, expectErrorShape } from '@prepmate/testing';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { securitySystem } from './security-system';

/**
 * The attacks of issue 11 that concern identities, sessions and roles, each through the
 * gateway (or straight onto the broker, where the attack is a forged message). Every test
 * failed before its fix; docs/security.md lists the controls. This file: rate limits, roles
 * and forged RPC callers.
 */
describe('security: rate limits, roles and the untrusted broker', () => {
  const { prefix, password, api, gatewayWith, register, login, admin, rpc, services } =
    securitySystem();

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
      const db = services.auth.app.get<Connection>(getConnectionToken()).db!;
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
});
