import { Inject, Injectable } from '@nestjs/common';
import type {
  AdvisoryOperation,
  AdvisoryProvenance,
  AdvisoryProviderName,
  FallbackReason,
} from '@prepmate/contracts';
import { AppError, ROOT_LOGGER } from '@prepmate/platform';
import type { Logger } from 'pino';
import { Counter } from 'prom-client';
import { v7 as uuidv7 } from 'uuid';
import { AdvisoryConfig } from '../advisory.config';
import { TokenBudget } from '../budget/token-budget';
import type { GuardrailVerdict } from '../domain/guardrails';
import type { ModelOperation, ParsedOutput } from '../domain/output-schemas';
import type { PromptMessages } from '../domain/prompts';
import type { InferenceAttempt } from '../inference/inference-log.schema';
import { InferenceLogStore } from '../inference/inference-log.store';
import { ModelClient, ModelUnavailableError } from '../providers/model-client';

const inferences = new Counter({
  name: 'advisory_inferences_total',
  help: 'Advisory operations by operation, answering provider and fallback reason',
  labelNames: ['operation', 'provider', 'fallback_reason'],
});

/** Model calls per operation: the first answer and, when the guardrails reject it, one retry. */
export const MODEL_ATTEMPTS = 2;

/** One advisory operation, as the runner needs it. */
export interface OperationSpec<T> {
  operation: AdvisoryOperation;
  userId: string;
  /** What the learner asked (logged as the request body). */
  request: unknown;
  /** The deterministic answer. */
  rules: () => T;
  /** §7's guardrails for this operation, applied to every provider's answer. */
  check: (output: T) => GuardrailVerdict;
  /** How to ask a model; absent for rules-only operations (advice). */
  model?: {
    operation: ModelOperation;
    messages: PromptMessages;
    parse: (text: string | null) => ParsedOutput<T>;
  };
}

export interface RunResult<T> {
  output: T;
  provenance: AdvisoryProvenance;
}

/**
 * Runs an operation on the configured provider under the guardrails (docs/advisory.md):
 * with `openai`, while the user's daily token budget has room, the model is asked; an answer
 * that fails the schema or the guardrails is asked again once; a provider error, timeout, 429
 * or open circuit ends the model's turn at once. Whenever the model did not give a valid
 * answer, `rules` answers and the result says why (`fallbackUsed`, `fallbackReason`). Every
 * run is logged, attempts included.
 */
@Injectable()
export class AdvisoryRunner {
  private readonly log: Logger;

  constructor(
    private readonly config: AdvisoryConfig,
    private readonly models: ModelClient,
    private readonly budget: TokenBudget,
    private readonly logs: InferenceLogStore,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'advisory-runner' });
  }

  async run<T>(spec: OperationSpec<T>): Promise<RunResult<T>> {
    const started = performance.now();
    const attempts: InferenceAttempt[] = [];
    const completions: Array<string | null> = [];
    const useModel = this.config.ADVISORY_PROVIDER === 'openai' && spec.model !== undefined;
    let answer: { output: T; model: string } | null = null;
    let fallback: { reason: FallbackReason; detail: string } | null = null;

    if (useModel) {
      const model = spec.model!;
      let violations: string[] = [];
      for (let attempt = 1; attempt <= MODEL_ATTEMPTS && !answer && !fallback; attempt += 1) {
        if (!(await this.budget.hasRoom(spec.userId))) {
          fallback = {
            reason: 'token_budget_exhausted',
            detail: `today's budget of ${this.budget.limit} model tokens is spent`,
          };
          break;
        }
        const callStarted = performance.now();
        try {
          const reply = await this.models.complete(model.operation, model.messages);
          await this.budget.spend(spec.userId, reply.promptTokens + reply.completionTokens);
          completions.push(reply.text);
          const parsed = model.parse(reply.text);
          const verdict = parsed.ok
            ? spec.check(parsed.value)
            : { passed: false, violations: parsed.violations };
          attempts.push({
            provider: 'openai',
            model: reply.model,
            promptTokens: reply.promptTokens,
            completionTokens: reply.completionTokens,
            latencyMs: elapsed(callStarted),
            verdict: verdict.passed ? 'passed' : 'rejected',
            violations: verdict.violations,
            error: null,
          });
          if (verdict.passed && parsed.ok) answer = { output: parsed.value, model: reply.model };
          else violations = verdict.violations;
        } catch (error) {
          if (!(error instanceof ModelUnavailableError)) throw error;
          attempts.push({
            provider: 'openai',
            model: this.models.model,
            promptTokens: 0,
            completionTokens: 0,
            latencyMs: elapsed(callStarted),
            verdict: error.reason === 'circuit_open' ? 'skipped' : 'error',
            violations: [],
            error: error.message,
          });
          fallback = { reason: error.reason, detail: error.message };
        }
      }
      if (!answer && !fallback)
        fallback = { reason: 'guardrail_rejected', detail: violations.join('; ') };
    }

    let output: T;
    let provider: AdvisoryProviderName;
    let modelName: string | null;
    if (answer) {
      output = answer.output;
      provider = 'openai';
      modelName = answer.model;
    } else {
      const rulesStarted = performance.now();
      output = spec.rules();
      const verdict = spec.check(output);
      attempts.push({
        provider: 'rules',
        model: null,
        promptTokens: 0,
        completionTokens: 0,
        latencyMs: elapsed(rulesStarted),
        verdict: verdict.passed ? 'passed' : 'rejected',
        violations: verdict.violations,
        error: null,
      });
      if (!verdict.passed) {
        this.log.error(
          { operation: spec.operation, violations: verdict.violations },
          'the rules answer failed its guardrails',
        );
        throw new AppError('INTERNAL', 'the advice failed its guardrails');
      }
      provider = 'rules';
      modelName = null;
    }

    const provenance: AdvisoryProvenance = {
      provider,
      model: modelName,
      fallbackUsed: fallback !== null,
      fallbackReason: fallback?.reason ?? null,
      fallbackDetail: fallback?.detail ?? null,
      inferenceId: uuidv7(),
    };
    await this.logs.record({
      _id: provenance.inferenceId,
      userId: spec.userId,
      operation: spec.operation,
      provider,
      model: modelName,
      promptTokens: sum(attempts, 'promptTokens'),
      completionTokens: sum(attempts, 'completionTokens'),
      latencyMs: elapsed(started),
      guardrailVerdict: attempts.some((attempt) => attempt.verdict === 'rejected')
        ? 'rejected'
        : 'passed',
      fallbackUsed: provenance.fallbackUsed,
      fallbackReason: provenance.fallbackReason,
      fallbackDetail: provenance.fallbackDetail,
      attempts,
      request: { input: spec.request, messages: useModel ? spec.model!.messages : null },
      response: output,
      completions: useModel ? completions : null,
      bodiesDropped: false,
      bodiesDroppedAt: null,
      createdAt: new Date(),
    });
    inferences.inc({
      operation: spec.operation,
      provider,
      fallback_reason: provenance.fallbackReason ?? 'none',
    });
    if (fallback)
      this.log.warn(
        { operation: spec.operation, reason: fallback.reason, detail: fallback.detail },
        'rules answered instead of the model',
      );
    return { output, provenance };
  }
}

function elapsed(since: number): number {
  return Math.round((performance.now() - since) * 10) / 10;
}

function sum(attempts: InferenceAttempt[], key: 'promptTokens' | 'completionTokens'): number {
  return attempts.reduce((total, attempt) => total + attempt[key], 0);
}
