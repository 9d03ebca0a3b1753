import type { RpcReply, RpcRequest } from '@prepmate/contracts';
import { runWithContext, toErrorBody } from '@prepmate/platform';
import type { Channel, ConsumeMessage } from 'amqplib';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { HEADERS } from '../topology/names';

export type RpcHandlerFn = (request: RpcRequest) => Promise<unknown>;

/**
 * Answers one RPC request: runs the handler of its pattern inside the caller's request
 * context and replies `{ ok, result }` or `{ ok: false, error }` in the one error shape
 * (the error keeps its code, so the gateway maps it to the same HTTP status). The request
 * is acked once the reply is sent; RPCs are never retried (the caller has a timeout).
 */
export class RpcResponder {
  constructor(
    private readonly findHandler: (pattern: string) => RpcHandlerFn | undefined,
    private readonly log: Logger,
  ) {}

  async handle(channel: Channel, message: ConsumeMessage): Promise<void> {
    const headers = message.properties.headers ?? {};
    const requestId = String(headers[HEADERS.requestId] ?? randomUUID());
    const correlationId = String(headers[HEADERS.correlationId] ?? requestId);
    await runWithContext({ requestId, correlationId }, async () => {
      const reply = await this.answer(message);
      const { replyTo, correlationId: callId } = message.properties;
      try {
        if (replyTo) {
          channel.sendToQueue(replyTo as string, Buffer.from(JSON.stringify(reply)), {
            correlationId: callId as string | undefined,
            contentType: 'application/json',
          });
        }
        channel.ack(message);
      } catch (error) {
        this.log.warn(
          { err: (error as Error).message },
          'channel closed before the RPC reply was sent',
        );
      }
    });
  }

  private async answer(message: ConsumeMessage): Promise<RpcReply> {
    let request: RpcRequest;
    try {
      request = JSON.parse(message.content.toString('utf8')) as RpcRequest;
    } catch {
      return { ok: false, error: { code: 'BAD_REQUEST', message: 'RPC request is not JSON' } };
    }
    const handler =
      typeof request?.pattern === 'string' ? this.findHandler(request.pattern) : undefined;
    if (!handler) {
      return {
        ok: false,
        error: { code: 'NOT_FOUND', message: `no RPC handler for "${String(request?.pattern)}"` },
      };
    }
    const started = Date.now();
    try {
      const result = await handler(request);
      this.log.debug({ pattern: request.pattern, durationMs: Date.now() - started }, 'rpc handled');
      return { ok: true, result: result ?? null };
    } catch (error) {
      const mapped = toErrorBody(error);
      if (mapped.unexpected)
        this.log.error({ err: error, pattern: request.pattern }, 'rpc handler failed');
      return { ok: false, error: mapped.body, retryAfterSeconds: mapped.retryAfterSeconds };
    }
  }
}
