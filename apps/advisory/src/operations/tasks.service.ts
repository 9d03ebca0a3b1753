import { Injectable } from '@nestjs/common';
import type {
  GenerateTaskRequest,
  GenerateTaskResponse,
  GeneratedTaskResponse,
  RpcCaller,
} from '@prepmate/contracts';
import { AdvisoryConfig } from '../advisory.config';
import { LearnerContext } from '../context/learner-context';
import { DIFFICULTY_SCALE } from '../domain/difficulty-scale';
import { checkTask } from '../domain/guardrails';
import { parseOutput } from '../domain/output-schemas';
import type { TaskDraft } from '../domain/outputs';
import { taskPrompt } from '../domain/prompts';
import { rulesTask } from '../domain/task-selection';
import { AdvisoryRunner } from './advisory-runner';
import { requireCandidates, type TaskContext, TaskContextBuilder } from './task-context';

/** `POST /advisory/tasks/generate`: the learner's next task, a real problem they have not solved. */
@Injectable()
export class TasksService {
  constructor(
    private readonly contexts: TaskContextBuilder,
    private readonly learner: LearnerContext,
    private readonly runner: AdvisoryRunner,
    private readonly config: AdvisoryConfig,
  ) {}

  async generate(caller: RpcCaller, request: GenerateTaskRequest): Promise<GenerateTaskResponse> {
    const context = await this.contexts.build(caller, request);
    requireCandidates(context);
    const messages =
      this.config.ADVISORY_PROVIDER === 'openai' ? await this.prompt(caller, context) : undefined;
    const result = await this.runner.run<TaskDraft>({
      operation: 'task',
      userId: caller.userId,
      request,
      rules: () => this.rules(context),
      check: (draft) => this.check(draft, context),
      model: messages && {
        operation: 'task',
        messages,
        parse: (text) => parseOutput('task', text),
      },
    });
    return {
      task: taskView(result.output, context),
      roadmapId: context.roadmapId,
      level: context.level,
      ...result.provenance,
    };
  }

  rules(context: TaskContext & { step: NonNullable<TaskContext['step']> }): TaskDraft {
    return rulesTask({
      problem: context.candidates[0],
      step: context.step,
      roundedLevel: context.level.roundedLevel,
      revisionsFirst: context.revisionsFirst,
      knownSkills: context.knownSkills,
    });
  }

  check(draft: TaskDraft, context: TaskContext) {
    return checkTask(draft, {
      roundedLevel: context.level.roundedLevel,
      candidateProblemIds: new Set(context.candidates.map((problem) => problem.id)),
      knownSkills: context.knownSkills,
      candidatePlatforms: new Map(
        context.candidates.map((problem) => [
          problem.id,
          problem.platforms.map((entry) => entry.platform),
        ]),
      ),
    });
  }

  /** The model's context: the learner's own data only (stats, roadmap position, recent solves). */
  private async prompt(caller: RpcCaller, context: TaskContext) {
    const stats = await this.learner.topicStats(caller);
    const { roundedLevel } = context.level;
    const allowed = Object.values(DIFFICULTY_SCALE)
      .flatMap(({ min, max }) => Array.from({ length: max - min + 1 }, (_, i) => min + i))
      .filter((value) => Math.abs(value - roundedLevel) <= 1);
    return taskPrompt({
      level: context.level,
      allowedDifficulties: allowed,
      roadmap: { id: context.roadmapId },
      recommendedTopics: context.recommendations,
      topicStats: stats.map((item) => ({
        topic: item.topic,
        mastery: item.estimatedMastery,
        successRate: item.successRate,
        solved: item.uniqueProblemsSolved,
        trend: item.masteryTrend,
      })),
      recentSolves: [...context.solved]
        .sort((a, b) => (b.lastReviewedAt ?? '').localeCompare(a.lastReviewedAt ?? ''))
        .slice(0, 5)
        .map(({ difficulty, topics }) => ({ difficulty, topics })),
      candidates: context.candidates.map((problem) => ({
        id: problem.id,
        title: problem.title,
        difficulty: problem.difficulty,
        topics: problem.topics,
        platforms: problem.platforms.map((entry) => entry.platform),
      })),
      revisionsFirst: context.revisionsFirst,
    });
  }
}

/** The task as the API shows it: the draft, with its problem and topic spelled out. */
export function taskView(
  output: TaskDraft,
  context: TaskContext & { step: NonNullable<TaskContext['step']> },
): GeneratedTaskResponse {
  const { problemId, ...draft } = output;
  const problem = context.candidates.find((candidate) => candidate.id === problemId)!;
  const where =
    problem.platforms.find((entry) => entry.platform === draft.verificationSource) ??
    problem.platforms[0];
  return {
    ...draft,
    problem: {
      id: problem.id,
      title: problem.title,
      difficulty: problem.difficulty,
      topics: problem.topics,
      platform: where?.platform ?? null,
      url: where?.url ?? null,
    },
    topic: context.step.topic,
    topicName: context.step.topicName,
    revisionsFirst: context.revisionsFirst,
  };
}
