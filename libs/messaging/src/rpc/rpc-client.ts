import { type BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import {
  isErrorCode,
  isErrorReason,
  rpcServiceOf,
  type BackendServiceName,
  type EveryServiceRpc,
  type RoutedRpc,
  type RpcCaller,
  type RpcData,
  type RpcReply,
  type RpcRequest,
  type RpcResult,
} from '@prepmate/contracts';
import { AppError, ROOT_LOGGER, ServiceConfig, currentContext } from '@prepmate/platform';
import type { ChannelWrapper } from 'amqp-connection-manager';
import type { Channel, ConsumeMessage } from 'amqplib';
import type { Logger } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import { AmqpConnection } from '../amqp-connection';
import { rpcDuration, rpcRequests } from '../messaging.metrics';
import { HEADERS, rpcQueueName } from '../topology/names';
import { signMessage } from '../signing/message-signature';

const DIRECT_REPLY_TO = 'amq.rabbitmq.reply-to';

interface PendingCall {
  service: string;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
  /** The reply channel the request went out on (set once sent). */
  sentOn?: number;
}

export interface RpcCallOptions {
  caller?: RpcCaller | null;
  timeoutMs?: number;
}

/**
 * Request/reply over the broker with RabbitMQ's direct reply-to. A request to a service with
 * no running replica is returned by the broker (mandatory) and fails at once with
 * UPSTREAM_UNAVAILABLE (503); one not answered in time fails with UPSTREAM_TIMEOUT (504) and
 * expires in the queue, so a late replica never works on it. Never hangs. Every request is
 * signed with the RPC secret (`signing/message-signature.ts`), the caller's identity included.
 */
@Injectable()
export class RpcClient implements BeforeApplicationShutdown {
  private readonly pending = new Map<string, PendingCall>();
  /** Counts the reply channels: a reconnection opens a new one. */
  private replyChannel = 0;
  private readonly channel: ChannelWrapper;
  private readonly log: Logger;

  constructor(
    private readonly connection: AmqpConnection,
    private readonly config: ServiceConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'rpc-client' });
    this.channel = connection.createChannel({
      name: 'rpc-client',
      confirm: false,
      setup: async (channel: Channel) => {
        const generation = ++this.replyChannel;
        // Direct reply-to answers only on the channel that sent the request: once it is gone
        // (a broker restart, a lost connection) those requests can never be answered, so they
        // fail now instead of waiting out their timeout (60 s for an import).
        channel.on('close', () => this.orphaned(generation));
        channel.on('return', (message: ConsumeMessage) => {
          this.settle(message.properties.correlationId, (call) => {
            throw new AppError('UPSTREAM_UNAVAILABLE', `${call.service} service is unavailable`);
          });
        });
        await channel.consume(DIRECT_REPLY_TO, (message) => message && this.onReply(message), {
          noAck: true,
        });
      },
    });
  }

  /**
   * Calls the service that answers `pattern` (its prefix); request and response types come
   * from the RPC map (`libs/contracts/src/rpc/rpc-map.ts`).
   */
  call<N extends RoutedRpc>(
    pattern: N,
    data: RpcData<N>,
    options: RpcCallOptions = {},
  ): Promise<RpcResult<N>> {
    return this.request<RpcResult<N>>(rpcServiceOf(pattern), pattern, data, options);
  }

  /** A pattern every service answers (`system.health`, `user.export`, `user.delete`), of one service. */
  callService<N extends EveryServiceRpc>(
    service: BackendServiceName,
    pattern: N,
    data: RpcData<N>,
    options: RpcCallOptions = {},
  ): Promise<RpcResult<N>> {
    return this.request<RpcResult<N>>(service, pattern, data, options);
  }

  /**
   * The untyped transport under `call`: for the messaging library's own tests and probes
   * (patterns outside the RPC map). Application code uses `call` / `callService` (lint rule).
   */
  async request<T>(
    service: BackendServiceName,
    pattern: string,
    data: unknown,
    options: RpcCallOptions = {},
  ): Promise<T> {
    const started = process.hrtime.bigint();
    const timeoutMs = options.timeoutMs ?? this.config.RPC_TIMEOUT_MS;
    const outcome = (name: string) => {
      rpcRequests.inc({ service, pattern, outcome: name });
      rpcDuration.observe({ service, pattern }, Number(process.hrtime.bigint() - started) / 1e9);
    };
    if (!this.connection.isConnected()) {
      outcome('broker_down');
      throw new AppError('UPSTREAM_UNAVAILABLE', 'message broker is unavailable');
    }
    const correlationId = uuidv7();
    const context = currentContext();
    const request: RpcRequest = {
      pattern,
      data,
      caller: options.caller ?? null,
      expiresAt: Date.now() + timeoutMs,
    };
    const body = Buffer.from(JSON.stringify(request));
    const reply = new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(correlationId);
        reject(
          new AppError('UPSTREAM_TIMEOUT', `${service} did not answer within ${timeoutMs} ms`),
        );
      }, timeoutMs);
      this.pending.set(correlationId, {
        service,
        resolve: resolve as (value: unknown) => void,
        reject,
        timer,
      });
    });
    this.channel
      .publish('', rpcQueueName(service, this.config.AMQP_QUEUE_PREFIX), body, {
        correlationId,
        replyTo: DIRECT_REPLY_TO,
        mandatory: true,
        expiration: String(timeoutMs),
        contentType: 'application/json',
        type: pattern,
        headers: {
          [HEADERS.requestId]: context?.requestId,
          [HEADERS.correlationId]: context?.correlationId,
          [HEADERS.signature]: signMessage('rpc', body, this.config.messageSigningSecrets[0]),
        },
        timeout: timeoutMs,
      })
      .then(() => {
        const call = this.pending.get(correlationId);
        if (call) call.sentOn = this.replyChannel;
      })
      .catch((error: Error) =>
        this.settle(correlationId, () => {
          this.log.warn({ err: error.message, service, pattern }, 'rpc publish failed');
          throw new AppError('UPSTREAM_UNAVAILABLE', `${service} service is unavailable`);
        }),
      );
    try {
      const result = await reply;
      outcome('ok');
      return result;
    } catch (error) {
      outcome(error instanceof AppError ? error.code.toLowerCase() : 'error');
      throw error;
    }
  }

  private onReply(message: ConsumeMessage): void {
    const correlationId = message.properties.correlationId as string | undefined;
    if (!correlationId) return;
    this.settle(correlationId, () => {
      const reply = JSON.parse(message.content.toString()) as RpcReply;
      if (reply.ok) return reply.result;
      const { code, reason, message: text, field, details } = reply.error;
      throw new AppError(isErrorCode(code) ? code : 'INTERNAL', text, {
        field,
        details,
        reason: isErrorReason(reason) ? reason : undefined,
        retryAfterSeconds: reply.retryAfterSeconds,
      });
    });
  }

  private settle(correlationId: string | undefined, produce: (call: PendingCall) => unknown): void {
    const call = correlationId ? this.pending.get(correlationId) : undefined;
    if (!call || !correlationId) return;
    this.pending.delete(correlationId);
    clearTimeout(call.timer);
    try {
      call.resolve(produce(call));
    } catch (error) {
      call.reject(error as Error);
    }
  }

  /** The calls sent on a reply channel that closed: their answers cannot arrive. */
  private orphaned(generation: number): void {
    let failed = 0;
    for (const [id, call] of this.pending) {
      if (call.sentOn !== generation) continue;
      clearTimeout(call.timer);
      this.pending.delete(id);
      call.reject(new AppError('UPSTREAM_UNAVAILABLE', `${call.service} service is unavailable`));
      failed += 1;
    }
    if (failed > 0)
      this.log.warn({ failed }, 'reply channel lost; calls waiting on it failed at once');
  }

  /** Calls still waiting fail now rather than after their timeout. */
  beforeApplicationShutdown(): void {
    for (const [id, call] of this.pending) {
      clearTimeout(call.timer);
      call.reject(new AppError('UPSTREAM_UNAVAILABLE', 'shutting down'));
      this.pending.delete(id);
    }
  }
}
