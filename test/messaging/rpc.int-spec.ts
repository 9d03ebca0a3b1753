import { AppError } from '@prepmate/platform';
import { RpcClient } from '@prepmate/messaging';
import { type TestService } from '@prepmate/testing';
import { probeEnv } from './probe/probe-env';
import { PROBE_SERVICE } from './probe/probe.module';
import { startProbe, stopProbe } from './probe/probe-service';

describe('RPC over the broker', () => {
  // A short drain: the never-answering handler would otherwise hold shutdown for 10 s.
  const env = probeEnv('rpc', { SHUTDOWN_TIMEOUT_MS: '500' });
  let service: TestService;
  let rpc: RpcClient;

  beforeAll(async () => {
    service = await startProbe(env, { onEvent: async () => undefined });
    rpc = service.app.get(RpcClient);
  });

  afterAll(() => stopProbe(service, env));

  async function failure(call: Promise<unknown>): Promise<{ error: AppError; ms: number }> {
    const started = Date.now();
    try {
      await call;
    } catch (error) {
      return { error: error as AppError, ms: Date.now() - started };
    }
    throw new Error('the call succeeded');
  }

  it('returns the answer and carries the caller identity', async () => {
    const caller = { userId: 'u-7', role: 'student' as const };
    await expect(
      rpc.request(PROBE_SERVICE, 'probe.echo', { text: 'hi' }, { caller }),
    ).resolves.toEqual({ echoed: 'hi', caller });
  });

  it('keeps the code, field and message of a service error', async () => {
    const { error } = await failure(rpc.request(PROBE_SERVICE, 'probe.fail', {}));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'CONFLICT',
      message: 'that email is taken',
      options: { field: 'email' },
    });
  });

  it('hides the details of an unexpected service error', async () => {
    const { error } = await failure(rpc.request(PROBE_SERVICE, 'probe.crash', {}));
    expect(error).toMatchObject({ code: 'INTERNAL', message: 'Internal error' });
  });

  it('answers NOT_FOUND for a pattern the service does not handle', async () => {
    const { error } = await failure(rpc.request(PROBE_SERVICE, 'probe.nothing', {}));
    expect(error.code).toBe('NOT_FOUND');
  });

  it('times out with UPSTREAM_TIMEOUT when the service never answers, without hanging', async () => {
    const { error, ms } = await failure(
      rpc.request(PROBE_SERVICE, 'probe.never', {}, { timeoutMs: 400 }),
    );
    expect(error.code).toBe('UPSTREAM_TIMEOUT');
    expect(error.status).toBe(504);
    expect(ms).toBeGreaterThanOrEqual(390);
    expect(ms).toBeLessThan(2000);
  });

  it('fails at once with UPSTREAM_UNAVAILABLE when no replica of the service runs', async () => {
    const { error, ms } = await failure(
      rpc.request('advisory', 'system.health', {}, { timeoutMs: 5000 }),
    );
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.message).toBe('advisory service is unavailable');
    expect(ms).toBeLessThan(1000);
  });
});
