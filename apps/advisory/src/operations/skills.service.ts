import { Injectable } from '@nestjs/common';
import type { ExtractSkillsRequest, ExtractSkillsResponse, RpcCaller } from '@prepmate/contracts';
import { AdvisoryConfig } from '../advisory.config';
import { LearnerContext } from '../context/learner-context';
import { checkSkills } from '../domain/guardrails';
import { parseOutput } from '../domain/output-schemas';
import type { SkillsDraft } from '../domain/outputs';
import { skillsPrompt } from '../domain/prompts';
import { rulesSkills } from '../domain/reflection';
import { AdvisoryRunner } from './advisory-runner';

/** `POST /advisory/skills/extract`: the taxonomy slugs a text shows. */
@Injectable()
export class SkillsService {
  constructor(
    private readonly learner: LearnerContext,
    private readonly runner: AdvisoryRunner,
    private readonly config: AdvisoryConfig,
  ) {}

  async extract(caller: RpcCaller, request: ExtractSkillsRequest): Promise<ExtractSkillsResponse> {
    const taxonomy = await this.learner.taxonomy();
    const known = new Set(taxonomy.map((topic) => topic.slug));
    const result = await this.runner.run<SkillsDraft>({
      operation: 'skills',
      userId: caller.userId,
      request,
      rules: () => rulesSkills(request.text, taxonomy),
      check: (draft) => checkSkills(draft, known),
      model:
        this.config.ADVISORY_PROVIDER === 'openai'
          ? {
              operation: 'skills',
              messages: skillsPrompt({
                text: request.text,
                taxonomy: taxonomy.map(({ slug, name }) => ({ slug, name })),
              }),
              parse: (text) => parseOutput('skills', text),
            }
          : undefined,
    });
    return { skills: result.output.skills, ...result.provenance };
  }
}
