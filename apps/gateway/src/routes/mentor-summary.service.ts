import { Injectable } from '@nestjs/common';
import {
  type MentorStudentSummaryResponse,
  RPC_PATTERNS,
  type RpcCaller,
} from '@prepmate/contracts';
import { Upstream } from '../upstream/upstream.service';

const TOPICS = 100;
const WEAK_TOPICS = 5;
const ROADMAPS = 100;
/** The student's most recent tasks shown to the mentor. */
const TASKS = 20;

/**
 * What a mentor sees of a student, composed from the services that own it through their
 * RPCs, with a caller scoped to that student (StudentOfMentorGuard checked the link).
 */
@Injectable()
export class MentorSummaryService {
  constructor(private readonly upstream: Upstream) {}

  async summary(caller: RpcCaller, studentId: string): Promise<MentorStudentSummaryResponse> {
    const [student, topicStats, weakTopics, roadmaps, streak, tasks] = await Promise.all([
      this.upstream.call(RPC_PATTERNS.authGetUser, { userId: studentId }, caller),
      this.upstream.call(
        RPC_PATTERNS.telemetryTopicStats,
        { userId: studentId, limit: TOPICS },
        caller,
      ),
      this.upstream.call(
        RPC_PATTERNS.telemetryWeakTopics,
        { userId: studentId, limit: WEAK_TOPICS },
        caller,
      ),
      this.upstream.call(
        RPC_PATTERNS.roadmapsAllPci,
        { userId: studentId, limit: ROADMAPS },
        caller,
      ),
      this.upstream.call(RPC_PATTERNS.streakGet, { userId: studentId }, caller),
      this.upstream.call(RPC_PATTERNS.tasksList, { userId: studentId, limit: TASKS }, caller),
    ]);
    return {
      student: { id: student.id, name: student.name, email: student.email },
      topicStats: topicStats.items,
      weakTopics: weakTopics.items,
      roadmaps: roadmaps.items,
      streak,
      tasks: tasks.items,
    };
  }
}
