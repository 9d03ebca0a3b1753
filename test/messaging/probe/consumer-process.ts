/**
 * A probe consumer in its own process, so a test can SIGKILL it mid-batch. Its handler
 * counts every run, waits a little (messages pile up in flight), then stores its effect
 * keyed by the event (as real handlers key theirs by submission id).
 */
import 'reflect-metadata';
import { RabbitMqTransport } from '@prepmate/messaging';
import { startTestService, type TestService } from '@prepmate/testing';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { PROBE_SUBSCRIPTIONS, ProbeModule } from './probe.module';
import { recordingBehaviour } from './recording-behaviour';

async function main(): Promise<void> {
  const services: TestService[] = [];
  const connection = () => services[0].app.get<Connection>(getConnectionToken());
  const behaviour = recordingBehaviour(connection, Number(process.env.PROBE_HANDLER_DELAY_MS ?? 0));
  const service = await startTestService({
    module: ProbeModule.with(behaviour),
    overrides: [PROBE_SUBSCRIPTIONS],
    transport: RabbitMqTransport,
  });
  services.push(service);
  await service.app.get(RabbitMqTransport).waitUntilConsuming();
  process.stdout.write('consumer ready\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`consumer failed: ${String(error)}\n`);
  process.exit(1);
});
