/**
 * Operator command for roles (docs/security.md):
 *   npm run admin -- grant <email> admin|mentor|student
 * The account must exist (register first). Talks to the running auth service over the
 * broker (AMQP_URL, AMQP_QUEUE_PREFIX) and signs the request with MESSAGE_SIGNING_SECRET, as
 * the services do; the change is audited as `operator:<OS user>`.
 */
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AmqpConnection, MessagingModule, RpcClient } from '@prepmate/messaging';
import { PlatformModule, ServiceConfig } from '@prepmate/platform';
import { userInfo } from 'node:os';
import { grantRole, isUserRole } from './grant-role';

const USAGE = 'usage: npm run admin -- grant <email> admin|mentor|student';

@Module({
  imports: [
    PlatformModule.forRoot({ service: 'gateway', config: ServiceConfig, readiness: [] }),
    MessagingModule,
  ],
})
class AdminToolModule {}

async function main(argv: string[]): Promise<number> {
  const [command, email, role] = argv;
  if (command !== 'grant' || !email?.includes('@') || !role || !isUserRole(role)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  process.env.LOG_LEVEL ??= 'warn';
  const app = await NestFactory.createApplicationContext(AdminToolModule, { logger: false });
  try {
    await connected(app.get(AmqpConnection), 10_000);
    const user = await grantRole(app.get(RpcClient), email, role, userInfo().username);
    process.stdout.write(`${user.email} (${user.id}) is now ${user.role}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`grant failed: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await app.close();
  }
}

/** The broker connection comes up in the background; the RPC needs it. */
async function connected(connection: AmqpConnection, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!connection.isConnected()) {
    if (Date.now() > deadline) throw new Error('cannot reach the broker (AMQP_URL)');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  },
);
