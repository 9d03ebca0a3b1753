import {
  ensureFerretDbBinary,
  type FerretDbServer,
  isPortOpen,
  runCommand,
  startFerretDb,
} from '@prepmate/infra';
import { freePort } from '@prepmate/testing';
import { mongo } from 'mongoose';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const { Long, MongoClient, ObjectId } = mongo;
type Document = mongo.Document;
type AnyDoc = { _id: unknown; [field: string]: unknown };

/**
 * The FerretDB patches of libs/infra/ferretdb (docs/architecture.md "FerretDB notes"): `_id`
 * equality and `_id: { $in }` go down to PostgreSQL as `=` / `= ANY` on the unique _id
 * index, and so does equality on the declared scalar fields (FERRETDB_SCALAR_FIELDS, here
 * `userId`) on their indexes. Two FerretDBs built from the same module, the stock one and the patched one, each
 * on its own PostgreSQL database, hold the same documents; every query answers the same
 * documents on both, and the patched one plans an index scan where the stock one scans.
 */
const PAD = 3_000; // enough rows that PostgreSQL prefers the index to a scan
const OID_A = new ObjectId('65a1b2c3d4e5f60718293a4b');
const OID_B = new ObjectId('65a1b2c3d4e5f60718293a4c');
const DATE = new Date('2026-01-02T03:04:05.678Z');

/**
 * Every `_id` BSON type the patch pushes down. Values that share their stored JSON (an
 * ObjectId and the string of its hex digits, a date and the number of its milliseconds)
 * cannot both be stored: FerretDB's unique index on that JSON refuses the second one, with
 * or without the patch. Queries for the look-alike of a stored value must still find nothing.
 */
const SPECIAL: AnyDoc[] = [
  { _id: OID_A, kind: 'objectId' },
  { _id: OID_B, kind: 'objectId' },
  { _id: 'user-1:arrays', kind: 'string' },
  { _id: '', kind: 'empty string' },
  { _id: 7, kind: 'int32' },
  { _id: Long.fromNumber(8), kind: 'int64' },
  { _id: 9.5, kind: 'double' },
  { _id: -0.25, kind: 'negative double' },
  { _id: Long.fromString('9223372036854775807'), kind: 'int64 outside the exact double range' },
  { _id: DATE, kind: 'date' },
  { _id: true, kind: 'bool' },
  { _id: { nested: 1 }, kind: 'document' },
];

const QUERIES: Record<string, Document> = {
  'ObjectId equality': { _id: OID_A },
  'ObjectId $eq': { _id: { $eq: OID_B } },
  'string that looks like an ObjectId': { _id: OID_A.toHexString() },
  'string equality': { _id: 'user-1:arrays' },
  'empty string': { _id: '' },
  'int32 matches int32': { _id: 7 },
  'double 7.0 matches int32 7': { _id: 7.0 },
  'int32 8 matches int64 8': { _id: 8 },
  'int64 matches int64': { _id: Long.fromNumber(8) },
  'double equality': { _id: 9.5 },
  'negative double': { _id: -0.25 },
  'int64 outside the exact range': { _id: Long.fromString('9223372036854775807') },
  'date equality (not the number)': { _id: DATE },
  'number equality (not the date)': { _id: DATE.getTime() },
  'bool equality': { _id: true },
  'document equality (not pushed down)': { _id: { nested: 1 } },
  'missing string': { _id: 'nobody' },
  'missing ObjectId': { _id: new ObjectId() },
  'padding string': { _id: 'pad-00042' },
  '$in of mixed types': {
    _id: { $in: [OID_A, 'user-1:arrays', 7, Long.fromNumber(8), 9.5, DATE, 'pad-00001', 'none'] },
  },
  '$in with a document (not pushed down)': { _id: { $in: ['pad-00002', { nested: 1 }] } },
  '$in with a regex (not pushed down)': { _id: { $in: [/^pad-0000[12]$/, 7] } },
  '$in empty': { _id: { $in: [] } },
  '$in of one': { _id: { $in: ['pad-02999'] } },
  '_id and another field': { _id: 'pad-00010', group: 0 },
  '_id and another field that differs': { _id: 'pad-00010', group: 1 },
  '$in and another field': { _id: { $in: ['pad-00010', 'pad-00011'] }, group: 1 },
  '$eq and $ne on _id': { _id: { $eq: 'pad-00012', $ne: 'pad-00013' } },
  'declared scalar field': { userId: 'user-007' },
  'declared scalar field $eq': { userId: { $eq: 'user-042' } },
  'declared scalar field $in': { userId: { $in: ['user-001', 'user-099', 'nobody'] } },
  'declared scalar field and another field': { userId: 'user-010', group: 0 },
  'declared scalar field and _id': { _id: 'pad-00010', userId: 'user-010' },
  'declared scalar field, missing value': { userId: 'nobody' },
  'declared scalar field null (not pushed down)': { userId: null },
  'declared scalar field of another type': { userId: 7 },
  'declared scalar field with $ne (not pushed down)': { userId: { $ne: 'user-001' }, group: 1 },
};

interface Side {
  server: FerretDbServer;
  collection: mongo.Collection<AnyDoc>;
  client: mongo.MongoClient;
  dataDir: string;
  postgresDatabase: string;
}

describe('the FerretDB pushdown patches', () => {
  const sides: Partial<Record<'stock' | 'patched', Side>> = {};

  async function open(kind: 'stock' | 'patched'): Promise<Side> {
    const log = (line: string) => process.stdout.write(`[ferretdb ${kind}] ${line}\n`);
    await ensureFerretDbBinary('postgresql', log, { patched: kind === 'patched' });
    const port = await freePort();
    const dataDir = await mkdtemp(join(tmpdir(), `prepmate-ferretdb-${kind}-`));
    const postgresDatabase = `prepmate_pushdown_${kind}_${process.pid}`;
    const server = await startFerretDb(port, dataDir, log, {
      patched: kind === 'patched',
      postgresDatabase,
      postgresPoolMaxConns: 5,
    });
    const client = await MongoClient.connect(server.url, { maxPoolSize: 4 });
    const collection = client.db('pushdown').collection<AnyDoc>('docs');
    return { server, client, collection, dataDir, postgresDatabase };
  }

  beforeAll(async () => {
    if (!(await isPortOpen('127.0.0.1', 5432))) return;
    for (const kind of ['stock', 'patched'] as const) {
      const side = await open(kind);
      sides[kind] = side;
      // Every 100th document has no userId: a missing field never equals a value.
      const padding = Array.from({ length: PAD }, (_, i) => ({
        _id: `pad-${String(i).padStart(5, '0')}`,
        group: i % 2,
        ...(i % 100 === 99 ? {} : { userId: `user-${String(i % 100).padStart(3, '0')}` }),
      }));
      await side.collection.insertMany([...SPECIAL, ...padding]);
      await side.collection.createIndex({ userId: 1, group: 1 });
    }
  }, 600_000);

  afterAll(async () => {
    for (const side of Object.values(sides)) {
      await side.client.close();
      await side.server.process.stop();
      await rm(side.dataDir, { recursive: true, force: true });
      await runCommand('dropdb', ['-h', '127.0.0.1', '-U', 'postgres', side.postgresDatabase]);
    }
  });

  it('needs the local PostgreSQL FerretDB is built for', async () => {
    expect(await isPortOpen('127.0.0.1', 5432)).toBe(true);
  });

  it.each(Object.entries(QUERIES))('%s: the same documents with and without it', async (_, q) => {
    const [stock, patched] = await Promise.all(
      [sides.stock!, sides.patched!].map((side) =>
        side.collection.find(q).sort({ kind: 1, _id: 1 }).toArray(),
      ),
    );
    expect(patched).toEqual(stock);
  });

  it('never answers a look-alike of the stored value (same JSON, another BSON type)', async () => {
    const kinds = async (filter: Document) =>
      (await sides.patched!.collection.find(filter).toArray()).map((doc) => doc.kind as string);
    expect(await kinds({ _id: OID_A })).toEqual(['objectId']);
    expect(await kinds({ _id: OID_A.toHexString() })).toEqual([]);
    expect(await kinds({ _id: DATE })).toEqual(['date']);
    expect(await kinds({ _id: DATE.getTime() })).toEqual([]);
    expect(await kinds({ _id: { $in: [DATE.getTime(), OID_B.toHexString()] } })).toEqual([]);
    expect(await kinds({ _id: 8 })).toEqual(['int64']);
    expect(await kinds({ _id: { $in: [7, 'pad-00003'] } })).toHaveLength(2);
  });

  it('finds, updates and deletes by _id through the index', async () => {
    const side = sides.patched!;
    await side.collection.updateOne({ _id: OID_B } as Document, { $set: { touched: true } });
    expect(await side.collection.findOne({ _id: OID_B } as Document)).toMatchObject({
      touched: true,
    });
    expect(
      (await side.collection.deleteMany({ _id: { $in: ['pad-02998', 'pad-02997'] } } as Document))
        .deletedCount,
    ).toBe(2);
    expect(await side.collection.countDocuments({ _id: { $in: ['pad-02998'] } } as Document)).toBe(
      0,
    );
  });

  it('sets a sub-document holding the same values under other keys (identical-keys.patch)', async () => {
    const setOver = async (side: Side) => {
      await side.collection.insertOne({ _id: 'counts', counts: { '100': 1 } });
      const filter = { _id: 'counts' } as Document;
      await side.collection.updateOne(filter, { $set: { counts: { '200': 1 } } });
      return (await side.collection.findOne(filter))?.counts;
    };
    expect(await setOver(sides.patched!)).toEqual({ '200': 1 });
    // The stock build drops the write: why the patch exists.
    expect(await setOver(sides.stock!)).toEqual({ '100': 1 });
  });

  it('plans an index scan for _id and declared-field equality and $in, where the stock build scans', async () => {
    const plans = async (side: Side, filter: Document) => {
      const explained = await side.client.db('pushdown').command({
        explain: { find: 'docs', filter },
      });
      return {
        pushdown: explained.filterPushdown as boolean,
        nodes: planNodes((explained.queryPlanner as { Plan: PlanNode }).Plan),
      };
    };
    for (const filter of [
      { _id: 'pad-00100' },
      { _id: OID_A },
      { _id: 7 },
      { _id: { $eq: 'pad-00100' } },
      { _id: { $in: ['pad-00100', OID_A, 7] } },
      { userId: 'user-007' },
      { userId: { $in: ['user-001', 'user-002'] } },
      { userId: 'user-007', group: 1 },
    ]) {
      const patched = await plans(sides.patched!, filter);
      expect({ filter, ...patched }).toEqual({
        filter,
        pushdown: true,
        nodes: expect.arrayContaining([expect.stringMatching(/Index (Only )?Scan/)]) as string[],
      });
      expect(patched.nodes).not.toContain('Seq Scan');
      const stock = await plans(sides.stock!, filter);
      expect({ filter, nodes: stock.nodes }).toEqual({
        filter,
        nodes: expect.arrayContaining(['Seq Scan']) as string[],
      });
    }
  });
});

interface PlanNode {
  'Node Type': string;
  Plans?: PlanNode[];
}

function planNodes(plan: PlanNode): string[] {
  return [plan['Node Type'], ...(plan.Plans ?? []).flatMap(planNodes)];
}
