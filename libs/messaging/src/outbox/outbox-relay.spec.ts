import type { ServiceConfig } from '@prepmate/platform';
import { createConnection, type Connection, Schema } from 'mongoose';
import type { Logger } from 'pino';
import type { EventPublisher } from '../publishing/event-publisher';
import { outboxPlugin } from './outbox.fields';
import { unregisteredOutboxCollections } from './outbox-registration';
import { OutboxRelay } from './outbox-relay';

/** A connection that is never opened: models are defined on it, nothing is read. */
function connectionWithModels(): Connection {
  const connection = createConnection();
  const withOutbox = new Schema({ _id: String, value: Number });
  withOutbox.plugin(outboxPlugin);
  connection.model('Pair', withOutbox, 'pairs');
  const alsoWithOutbox = new Schema({ _id: String });
  alsoWithOutbox.plugin(outboxPlugin);
  connection.model('Message', alsoWithOutbox, 'chat_messages');
  connection.model('Post', new Schema({ _id: String, text: String }), 'posts');
  return connection;
}

function relayOn(connection: Connection): OutboxRelay {
  const logger = { child: () => logger, warn: () => undefined, info: () => undefined };
  return new OutboxRelay(
    {} as EventPublisher,
    { OUTBOX_SWEEP_INTERVAL_MS: 60_000 } as ServiceConfig,
    logger as unknown as Logger,
    connection,
  );
}

describe('OutboxRelay registration check', () => {
  let connection: Connection;

  beforeEach(() => (connection = connectionWithModels()));
  afterEach(() => connection.close());

  it('names every collection with outbox fields that was not registered, and only those', () => {
    expect(unregisteredOutboxCollections(connection, new Set())).toEqual([
      'chat_messages',
      'pairs',
    ]);
    expect(unregisteredOutboxCollections(connection, new Set(['pairs']))).toEqual([
      'chat_messages',
    ]);
    expect(unregisteredOutboxCollections(connection, new Set(['pairs', 'chat_messages']))).toEqual(
      [],
    );
  });

  it('refuses to start while a store forgot to register its outbox collection', () => {
    const relay = relayOn(connection);
    relay.register(connection.model('Pair'));
    expect(() => relay.onApplicationBootstrap()).toThrow(
      /outbox collections without a registration: chat_messages/,
    );
  });

  it('passes once every outbox collection is registered', () => {
    const relay = relayOn(connection);
    relay.register(connection.model('Pair'));
    relay.register(connection.model('Message'));
    expect(() => relay.assertAllRegistered()).not.toThrow();
  });
});
