import { Injectable } from '@nestjs/common';
import type { UserDataContributor } from '@prepmate/messaging';
import { MasteryStore } from './progress/mastery.store';
import { ProgressStore } from './progress/progress.store';
import { RoadmapStore } from './roadmaps/roadmap.store';
import { TaskStore } from './tasks/task.store';
import { VerifiedTasksStore } from './progress/verified-tasks.store';

/** Everything the roadmap service holds about a user. */
@Injectable()
export class RoadmapUserData {
  constructor(
    private readonly roadmaps: RoadmapStore,
    private readonly masteries: MasteryStore,
    private readonly progress: ProgressStore,
    private readonly tasks: TaskStore,
    private readonly verifiedTasks: VerifiedTasksStore,
  ) {}

  get contributors(): UserDataContributor[] {
    return [
      {
        name: 'roadmaps',
        exportUser: (userId) => this.roadmaps.exportUser(userId),
        deleteUser: (userId) => this.roadmaps.deleteUser(userId),
      },
      {
        name: 'masteries',
        exportUser: (userId) => this.masteries.exportUser(userId),
        deleteUser: (userId) => this.masteries.deleteUser(userId),
      },
      {
        name: 'roadmapProgress',
        exportUser: (userId) => this.progress.exportUser(userId),
        deleteUser: (userId) => this.progress.deleteUser(userId),
      },
      {
        name: 'tasks',
        exportUser: (userId) => this.tasks.exportUser(userId),
        deleteUser: (userId) => this.tasks.deleteUser(userId),
      },
      {
        name: 'verifiedTasks',
        exportUser: (userId) => this.verifiedTasks.exportUser(userId),
        deleteUser: (userId) => this.verifiedTasks.deleteUser(userId),
      },
    ];
  }
}
