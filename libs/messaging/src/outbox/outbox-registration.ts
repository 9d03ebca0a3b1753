import type { Connection } from 'mongoose';

/** The collections of the connection's models that have the outbox fields and are not in `registered`. */
export function unregisteredOutboxCollections(
  connection: Pick<Connection, 'modelNames' | 'model'>,
  registered: ReadonlySet<string>,
): string[] {
  return connection
    .modelNames()
    .map((name) => connection.model(name))
    .filter((model) => model.schema.path('outboxPending') !== undefined)
    .map((model) => model.collection.collectionName)
    .filter((collection) => !registered.has(collection))
    .sort();
}
