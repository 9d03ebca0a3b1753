/** The broker accepted the publish but no queue could take it (mandatory + basic.return). */
export class UnroutableMessageError extends Error {
  constructor(
    readonly exchange: string,
    readonly routingKey: string,
  ) {
    super(
      `message to exchange "${exchange || '(default)'}" with routing key "${routingKey}" was unroutable`,
    );
    this.name = 'UnroutableMessageError';
  }
}
