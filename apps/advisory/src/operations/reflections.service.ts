import { Injectable } from '@nestjs/common';
import type { ReflectionRequest, ReflectionResponse, RpcCaller } from '@prepmate/contracts';
import { AdvisoryConfig } from '../advisory.config';
import { LearnerContext } from '../context/learner-context';
import { checkReflection } from '../domain/guardrails';
import { parseOutput } from '../domain/output-schemas';
import type { ReflectionDraft } from '../domain/outputs';
import { reflectionPrompt } from '../domain/prompts';
import { rulesReflection } from '../domain/reflection';
import { AdvisoryRunner } from './advisory-runner';

/** `POST /advisory/reflections`: a draft reflection on a verified task (the learner publishes it, not us). */
@Injectable()
export class ReflectionsService {
  constructor(
    private readonly learner: LearnerContext,
    private readonly runner: AdvisoryRunner,
    private readonly config: AdvisoryConfig,
  ) {}

  async reflect(caller: RpcCaller, request: ReflectionRequest): Promise<ReflectionResponse> {
    const { verification } = request;
    const [taxonomy, problem] = await Promise.all([
      this.learner.taxonomy(),
      verification.problemId
        ? this.learner.problem(caller, verification.problemId)
        : Promise.resolve(null),
    ]);
    const known = new Set(taxonomy.map((topic) => topic.slug));
    const result = await this.runner.run<ReflectionDraft>({
      operation: 'reflection',
      userId: caller.userId,
      request,
      rules: () =>
        rulesReflection(
          {
            taskDescription: request.taskDescription,
            verification,
            problem: problem && { difficulty: problem.difficulty, topics: problem.topics },
          },
          taxonomy,
        ),
      check: (draft) => checkReflection(draft, known),
      model:
        this.config.ADVISORY_PROVIDER === 'openai'
          ? {
              operation: 'reflection',
              messages: reflectionPrompt({
                taskDescription: request.taskDescription,
                verification,
                problem: problem && {
                  title: problem.title,
                  difficulty: problem.difficulty,
                  topics: problem.topics,
                },
                taxonomy: taxonomy.map(({ slug, name }) => ({ slug, name })),
              }),
              parse: (text) => parseOutput('reflection', text),
            }
          : undefined,
    });
    return { ...result.output, ...result.provenance };
  }
}
