import mongoose from 'mongoose';

/**
 * Drops every database whose name starts with `${prefix}_` (the databases of one isolated
 * system): on FerretDB each is a PostgreSQL schema, and leftovers from earlier runs make the
 * shared PostgreSQL slower and bigger. Returns the names dropped.
 */
export async function dropDatabasesWithPrefix(url: string, prefix: string): Promise<string[]> {
  const connection = await mongoose.createConnection(url).asPromise();
  try {
    const { databases } = await connection.db!.admin().listDatabases({ nameOnly: true });
    const names = databases
      .map((database) => database.name)
      .filter((name) => name.startsWith(`${prefix}_`));
    for (const name of names) await connection.useDb(name, { useCache: false }).dropDatabase();
    return names;
  } finally {
    await connection.close();
  }
}
