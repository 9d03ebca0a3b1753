import { getConnectionToken } from '@nestjs/mongoose';
import { RabbitMqTransport } from '@prepmate/messaging';
import { deleteSystemTopology, isolatedEnv, startTestService } from '@prepmate/testing';
import { type Connection, mongo } from 'mongoose';
import { NormalizationModule } from '../../apps/normalization/src/normalization.module';

/**
 * Unmapped tags were once stored one document per (tag, platform problem); normalization folds
 * them into the counts at start, once, whatever the number of replicas starting together.
 */
describe('folding per-occurrence unmapped tags into counts', () => {
  const { AMQP_EXCHANGE, prefix } = isolatedEnv('tagfold');
  const database = `${prefix}_normalization`;

  afterAll(async () => {
    await deleteSystemTopology(AMQP_EXCHANGE, `${prefix}.`);
  });

  it('counts each (platform, tag) once per problem, in one replica of two', async () => {
    const client = await mongo.MongoClient.connect(process.env.MONGO_URL!);
    const seenAt = new Date('2026-03-01T10:00:00Z');
    await client
      .db(database)
      .collection('unmapped_tags')
      .insertMany(
        ['1A', '2A', '3A'].map((id, i) => ({
          _id: `codeforces:quantum:${id}` as never,
          platform: 'codeforces',
          tag: 'quantum',
          platformProblemId: id,
          seenAt: new Date(seenAt.getTime() + i * 60_000),
        })),
      );
    const env = {
      AMQP_EXCHANGE,
      AMQP_QUEUE_PREFIX: `${prefix}.`,
      REDIS_KEY_PREFIX: `${prefix}:`,
      MONGO_DB: database,
    };
    const replicas = await Promise.all(
      [0, 1].map(() =>
        startTestService({ module: NormalizationModule, transport: RabbitMqTransport, env }),
      ),
    );
    try {
      const counts = await client.db(database).collection('unmapped_tag_counts').find().toArray();
      expect(counts).toEqual([
        {
          _id: 'codeforces:quantum',
          platform: 'codeforces',
          tag: 'quantum',
          count: 3,
          firstSeen: seenAt,
          lastSeen: new Date(seenAt.getTime() + 2 * 60_000),
        },
      ]);
      const left = await client.db(database).listCollections().toArray();
      expect(left.map((c) => c.name).filter((name) => name.startsWith('unmapped_tags'))).toEqual(
        [],
      );
    } finally {
      await replicas[0].app.get<Connection>(getConnectionToken()).dropDatabase();
      for (const replica of replicas) await replica.close();
      await client.close();
    }
  });
});
