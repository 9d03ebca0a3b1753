import { Inject, Injectable } from '@nestjs/common';
import type { FallbackReason } from '@prepmate/contracts';
import { ROOT_LOGGER } from '@prepmate/platform';
import {
  BrokenCircuitError,
  type CircuitBreakerPolicy,
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  handleAll,
} from 'cockatiel';
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import type { Logger } from 'pino';
import { Gauge } from 'prom-client';
import { AdvisoryConfig } from '../advisory.config';
import { OUTPUT_SCHEMAS, type ModelOperation } from '../domain/output-schemas';
import type { PromptMessages } from '../domain/prompts';

const circuitOpen = new Gauge({
  name: 'advisory_model_circuit_open',
  help: '1 while the circuit breaker of the model endpoint is open or half-open',
});

/** A model reply before parsing: its text and what it cost. */
export interface ModelReply {
  text: string | null;
  model: string;
  promptTokens: number;
  completionTokens: number;
}

/** The model could not answer: why, for the fallback reason. */
export class ModelUnavailableError extends Error {
  constructor(
    readonly reason: FallbackReason,
    message: string,
  ) {
    super(message);
    this.name = 'ModelUnavailableError';
  }
}

/**
 * The `openai` provider's transport: one Chat Completions call through the official SDK (no
 * SDK retries: the runner decides), with the operation's JSON schema as `response_format`.
 * Every failure (an error status, 429, a timeout, a refused connection) counts for one
 * circuit breaker (cockatiel): after ADVISORY_CIRCUIT_FAILURE_THRESHOLD in a row calls are not
 * made for ADVISORY_CIRCUIT_HALF_OPEN_AFTER_MS, then one trial call decides.
 */
@Injectable()
export class ModelClient {
  private readonly client: OpenAI;
  private readonly breaker: CircuitBreakerPolicy;
  private readonly log: Logger;

  constructor(
    private readonly config: AdvisoryConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'model-client' });
    this.client = new OpenAI({
      apiKey: config.OPENAI_API_KEY ?? 'unset',
      baseURL: config.OPENAI_BASE_URL,
      timeout: config.OPENAI_TIMEOUT_MS,
      maxRetries: 0,
    });
    this.breaker = circuitBreaker(handleAll, {
      halfOpenAfter: config.ADVISORY_CIRCUIT_HALF_OPEN_AFTER_MS,
      breaker: new ConsecutiveBreaker(config.ADVISORY_CIRCUIT_FAILURE_THRESHOLD),
    });
    this.breaker.onBreak(() => {
      circuitOpen.set(1);
      this.log.warn('model circuit opened: answers come from rules');
    });
    this.breaker.onHalfOpen(() => this.log.info('model circuit half-open: trying one call'));
    this.breaker.onReset(() => {
      circuitOpen.set(0);
      this.log.info('model circuit closed');
    });
  }

  get model(): string {
    return this.config.OPENAI_MODEL;
  }

  state(): 'closed' | 'open' | 'half-open' {
    const state = this.breaker.state;
    if (state === CircuitState.HalfOpen) return 'half-open';
    return state === CircuitState.Closed ? 'closed' : 'open';
  }

  async complete(operation: ModelOperation, messages: PromptMessages): Promise<ModelReply> {
    const { name, schema } = OUTPUT_SCHEMAS[operation];
    const started = performance.now();
    try {
      const completion = await this.breaker.execute(() =>
        this.client.chat.completions.create({
          model: this.config.OPENAI_MODEL,
          max_tokens: this.config.OPENAI_MAX_TOKENS,
          temperature: 0.2,
          messages: [
            { role: 'system', content: messages.system },
            { role: 'user', content: messages.user },
          ],
          response_format: {
            type: 'json_schema',
            json_schema: { name, strict: true, schema: schema as Record<string, unknown> },
          },
        }),
      );
      return {
        text: completion.choices[0]?.message?.content ?? null,
        model: completion.model || this.config.OPENAI_MODEL,
        promptTokens: completion.usage?.prompt_tokens ?? 0,
        completionTokens: completion.usage?.completion_tokens ?? 0,
      };
    } catch (error) {
      throw this.unavailable(error, performance.now() - started);
    }
  }

  private unavailable(error: unknown, elapsedMs: number): ModelUnavailableError {
    if (error instanceof BrokenCircuitError)
      return new ModelUnavailableError('circuit_open', 'the model circuit is open');
    // The SDK aborts the request at its timeout; where the abort is not recognized as one (the
    // error then reads "Connection error."), a connection error at the time limit is that abort.
    const timedOut =
      error instanceof APIConnectionTimeoutError ||
      (error instanceof APIConnectionError && elapsedMs >= this.config.OPENAI_TIMEOUT_MS);
    if (timedOut)
      return new ModelUnavailableError(
        'provider_timeout',
        `no answer within ${this.config.OPENAI_TIMEOUT_MS} ms`,
      );
    if (error instanceof APIError && error.status === 429)
      return new ModelUnavailableError('provider_rate_limited', 'the endpoint answered 429');
    const message =
      error instanceof APIError && error.status
        ? `the endpoint answered ${error.status}`
        : `the endpoint could not be reached (${this.redact((error as Error).message)})`;
    return new ModelUnavailableError('provider_error', message);
  }

  /** Error texts may quote the key (a 401 does): it never reaches a log or a response. */
  private redact(text: string): string {
    const key = this.config.OPENAI_API_KEY;
    return key ? text.split(key).join('[redacted]') : text;
  }
}
