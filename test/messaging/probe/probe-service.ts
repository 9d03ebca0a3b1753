import { getConnectionToken } from '@nestjs/mongoose';
import { RabbitMqTransport } from '@prepmate/messaging';
import { startTestService, type TestService } from '@prepmate/testing';
import type { Connection } from 'mongoose';
import { deleteProbeTopology } from './probe-env';
import { PROBE_SUBSCRIPTIONS, type ProbeBehaviour, ProbeModule } from './probe.module';

/**
 * Boots the probe service with `behaviour` on the test's isolated environment; with
 * `consume` (default) it returns once its consumers are attached.
 */
export async function startProbe(
  env: Record<string, string>,
  behaviour: ProbeBehaviour,
  { consume = true }: { consume?: boolean } = {},
): Promise<TestService> {
  const service = await startTestService({
    module: ProbeModule.with(behaviour),
    overrides: [PROBE_SUBSCRIPTIONS],
    transport: consume ? RabbitMqTransport : undefined,
    env,
  });
  if (consume) await service.app.get(RabbitMqTransport).waitUntilConsuming();
  return service;
}

/** Drops the probe's database, closes it and removes its queues and exchanges. */
export async function stopProbe(
  service: TestService | undefined,
  env: Record<string, string>,
  retryDelaysMs?: number[],
): Promise<void> {
  if (service) {
    await service.app.get<Connection>(getConnectionToken()).dropDatabase();
    await service.close();
  }
  await deleteProbeTopology(env, retryDelaysMs);
}
