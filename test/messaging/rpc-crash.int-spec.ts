import { AmqpConnection, RpcClient } from '@prepmate/messaging';
import { eventually, type TestService } from '@prepmate/testing';
import type { ChildProcess } from 'node:child_process';
import { probeEnv } from './probe/probe-env';
import { PROBE_SERVICE } from './probe/probe.module';
import { startConsumerProcess } from './probe/spawn-consumer';
import { startProbe, stopProbe } from './probe/probe-service';

const noEvents = { onEvent: async () => undefined };

/**
 * The only replica of a service is killed while it works on a request (kill -9, docs/
 * architecture.md#topology): its RPC queue outlives it for RPC_QUEUE_EXPIRES_MS, so the
 * request it held is delivered again to its restart and answered, instead of being lost with
 * an auto-deleted queue while the caller waits out its whole timeout (60 s for an import).
 */
describe('RPC when the only replica is killed mid-request', () => {
  const env = probeEnv('rpccrash', { HTTP_PORT: '0', NODE_ENV: 'test', LOG_LEVEL: 'warn' });
  let caller: TestService | undefined;
  let restarted: TestService | undefined;
  let child: ChildProcess | undefined;

  afterAll(async () => {
    child?.kill('SIGKILL');
    await restarted?.close();
    await stopProbe(caller, env);
  });

  it('answers the request from the restarted replica, well inside the timeout', async () => {
    // The caller only calls: it does not consume the service's queues.
    caller = await startProbe(env, noEvents, { consume: false });
    child = await startConsumerProcess(env);
    const started = Date.now();
    const answer = caller.app
      .get(RpcClient)
      .request(PROBE_SERVICE, 'probe.wait', { ms: 1500, text: 'held' }, { timeoutMs: 30_000 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const killedPid = child.pid;
    child.kill('SIGKILL');
    restarted = await startProbe(env, noEvents);

    const reply = (await answer) as { echoed: string; pid: number };
    expect(reply.echoed).toBe('held');
    expect(reply.pid).not.toBe(killedPid);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('fails a waiting call at once when its reply channel is lost (a broker restart)', async () => {
    const rpc = caller!.app.get(RpcClient);
    const started = Date.now();
    const answer = rpc.request(
      PROBE_SERVICE,
      'probe.wait',
      { ms: 3000, text: 'orphaned' },
      { timeoutMs: 30_000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    // The caller's connection drops (as in a broker restart): direct reply-to answers only on
    // the channel that sent the request, so this answer can never arrive.
    await caller!.app.get(AmqpConnection).manager.connection!.close();
    await expect(answer).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(Date.now() - started).toBeLessThan(5000);
    // The client reconnects and calls work again.
    await eventually(
      () => Promise.resolve(caller!.app.get(AmqpConnection).isConnected()),
      Boolean,
      { what: 'the caller to reconnect' },
    );
    await expect(
      rpc.request(PROBE_SERVICE, 'probe.echo', { text: 'again' }, { timeoutMs: 10_000 }),
    ).resolves.toMatchObject({ echoed: 'again' });
  });

  it('fails at once (503) once the last replica has stopped cleanly', async () => {
    await restarted!.close();
    restarted = undefined;
    const started = Date.now();
    await expect(
      caller!.app.get(RpcClient).request(PROBE_SERVICE, 'probe.echo', { text: 'x' }),
    ).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
