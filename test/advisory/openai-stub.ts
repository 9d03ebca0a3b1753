/* eslint-disable @typescript-eslint/no-explicit-any -- the stub reads requests field by field */
import { freePort } from '@prepmate/testing';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** How the stub answers the next Chat Completions call. */
export type StubAnswer =
  | 'valid'
  | 'too-short'
  | 'wrong-difficulty'
  | 'unknown-source'
  | 'non-json'
  | 'slow'
  | '429'
  | '500';

export interface RecordedCall {
  authorization: string | undefined;
  body: any;
  /** The learner data block of the user message, parsed. */
  data: any;
}

export const PROMPT_TOKENS = 300;
export const COMPLETION_TOKENS = 100;

/**
 * An OpenAI-compatible Chat Completions server (plain node:http, the real wire protocol):
 * `POST /v1/chat/completions` answers as scripted, one script entry per call (`valid` once the
 * script is empty). A valid answer is built from the request like a model would: the first
 * candidate, a difficulty the learner may have, taxonomy slugs it was given.
 */
export class OpenAiStub {
  readonly calls: RecordedCall[] = [];
  private readonly script: StubAnswer[] = [];
  private server?: Server;
  port = 0;

  constructor(private readonly slowMs: number) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}/v1`;
  }

  answer(...answers: StubAnswer[]): void {
    this.script.push(...answers);
  }

  async start(): Promise<void> {
    this.port = await freePort();
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    if (request.method !== 'POST' || request.url !== '/v1/chat/completions') {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({ error: { message: 'not found', type: 'invalid_request_error' } }),
      );
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const user = body.messages.find((m: any) => m.role === 'user')?.content ?? '';
    const block = /<<<LEARNER_DATA\n([\s\S]*)\nLEARNER_DATA>>>/.exec(user);
    const data = block ? JSON.parse(block[1]) : null;
    this.calls.push({ authorization: request.headers.authorization, body, data });
    const kind = this.script.shift() ?? 'valid';
    if (kind === '429' || kind === '500') {
      response.writeHead(Number(kind), { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          error: {
            message: kind === '429' ? 'Rate limit reached' : 'The server had an error',
            type: kind === '429' ? 'rate_limit_error' : 'server_error',
          },
        }),
      );
      return;
    }
    if (kind === 'slow') await new Promise((resolve) => setTimeout(resolve, this.slowMs));
    if (response.destroyed) return;
    const content =
      kind === 'non-json'
        ? 'Sure! Your next task: solve a problem about arrays.'
        : JSON.stringify(this.output(body.response_format.json_schema.name, data, kind));
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        id: `chatcmpl-${this.calls.length}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content, refusal: null },
            logprobs: null,
            finish_reason: 'stop',
          },
        ],
        usage: {
          prompt_tokens: PROMPT_TOKENS,
          completion_tokens: COMPLETION_TOKENS,
          total_tokens: PROMPT_TOKENS + COMPLETION_TOKENS,
        },
      }),
    );
  }

  private output(schema: string, data: any, kind: StubAnswer): unknown {
    if (schema === 'next_task') {
      const candidate = data.candidates[data.candidates.length - 1];
      const level = data.level.roundedLevel;
      const difficulty = data.allowedDifficulties.includes(level)
        ? level
        : data.allowedDifficulties[0];
      const source = candidate.platforms.includes('leetcode')
        ? 'leetcode'
        : candidate.platforms.includes('codeforces')
          ? 'codeforces'
          : 'github';
      return {
        problemId: candidate.id,
        description:
          kind === 'too-short' ? 'Solve it.' : `Model task: solve "${candidate.title}" in O(n).`,
        difficulty: kind === 'wrong-difficulty' ? Math.min(10, level + 5) : difficulty,
        verificationSource: kind === 'unknown-source' ? 'hackerrank' : source,
        verificationRequirements: ['An accepted submission'],
        estimatedTimeMinutes: 60,
        skills: candidate.topics.slice(0, 2),
      };
    }
    if (schema === 'reflection')
      return {
        summary:
          kind === 'too-short'
            ? 'Done.'
            : 'You solved the model task. The model thinks it went well.',
        keySkills: data.taxonomy.slice(0, 3).map((topic: any) => topic.slug),
        conceptsApplied: ['Model concept one', 'Model concept two'],
        difficultyRating: 4,
        nextSteps: ['Try a harder one.'],
      };
    return { skills: kind === 'too-short' ? ['not-a-topic'] : [data.taxonomy[0].slug] };
  }
}
