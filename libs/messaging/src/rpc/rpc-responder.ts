import type { RpcReply, RpcRequest } from '@prepmate/contracts';
import { runWithContext, toErrorBody } from '@prepmate/platform';
import type { Channel, ConsumeMessage } from 'amqplib';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { HEADERS } from '../topology/names';
import { checkMessageSignature, type SignatureCheck } from '../signing/message-signature';

export type RpcHandlerFn = (request: RpcRequest) => Promise<unknown>;

/** Clocks of two hosts may disagree this much before a request counts as expired. */
const CLOCK_SKEW_MS = 30_000;

const REFUSED: RpcReply = {
  ok: false,
  error: { code: 'UNAUTHENTICATED', message: 'RPC request is not signed by this system' },
};

/**
 * Answers one RPC request: runs the handler of its pattern inside the caller's request
 * context and replies `{ ok, result }` or `{ ok: false, error }` in the one error shape
 * (the error keeps its code, so the gateway maps it to the same HTTP status). The request
 * is acked once the reply is sent; RPCs are never retried (the caller has a timeout).
 * Before anything else the body's signature is checked against the RPC secrets: an unsigned
 * or forged request (a caller made up by whoever reached the broker) or an expired one is
 * refused here, centrally, so no handler ever sees an unverified caller.
 */
export class RpcResponder {
  constructor(
    private readonly findHandler: (pattern: string) => RpcHandlerFn | undefined,
    private readonly signatures: SignatureCheck,
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
    const signature = message.properties.headers?.[HEADERS.signature] as unknown;
    const verdict = checkMessageSignature('rpc', message.content, signature, this.signatures);
    if (verdict === 'refused') {
      this.log.warn(
        { type: message.properties.type as unknown, signed: signature !== undefined },
        'refused an RPC request without a valid signature',
      );
      return REFUSED;
    }
    if (verdict === 'unsigned') {
      this.log.warn(
        { type: message.properties.type as unknown },
        'unsigned RPC request accepted (ACCEPT_UNSIGNED_MESSAGES is on)',
      );
    }
    let request: RpcRequest;
    try {
      request = JSON.parse(message.content.toString('utf8')) as RpcRequest;
    } catch {
      return { ok: false, error: { code: 'BAD_REQUEST', message: 'RPC request is not JSON' } };
    }
    if (typeof request?.expiresAt !== 'number' || request.expiresAt + CLOCK_SKEW_MS < Date.now()) {
      this.log.warn({ pattern: request?.pattern }, 'refused an expired RPC request');
      return { ok: false, error: { code: 'UNAUTHENTICATED', message: 'RPC request has expired' } };
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
