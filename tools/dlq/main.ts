/**
 * Operator command for dead-letter queues:
 *   npm run dlq -- list <queue> [limit]     show what is in <queue>.dlq (nothing is removed)
 *   npm run dlq -- replay <queue> [limit]   send the messages back to <queue>
 * <queue> is a consumer queue such as `normalization.submission.ingested` (a trailing `.dlq`
 * is accepted). The broker is AMQP_URL (default amqp://guest:guest@127.0.0.1:5672).
 */
import { DeadLetterAdmin } from '@prepmate/messaging';
import amqplib from 'amqplib';

const USAGE = 'usage: npm run dlq -- list|replay <queue> [limit]';

async function main(argv: string[]): Promise<number> {
  const [command, queue, limitText] = argv;
  const limit = limitText ? Number(limitText) : undefined;
  if (
    !queue ||
    (command !== 'list' && command !== 'replay') ||
    (limit !== undefined && !(limit > 0))
  ) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const connection = await amqplib.connect(
    process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
  );
  try {
    const admin = new DeadLetterAdmin(connection);
    if (command === 'list') {
      const letters = await admin.list(queue, limit ?? 100);
      for (const letter of letters) process.stdout.write(`${JSON.stringify(letter)}\n`);
      process.stdout.write(
        `${letters.length} message(s) in ${queue.replace(/\.dlq$/, '')}.dlq${letters.length === (limit ?? 100) ? ' (limit reached; there may be more)' : ''}\n`,
      );
    } else {
      const replayed = await admin.replay(queue, limit);
      process.stdout.write(`replayed ${replayed} message(s) to ${queue.replace(/\.dlq$/, '')}\n`);
    }
    return 0;
  } finally {
    await connection.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`dlq: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
