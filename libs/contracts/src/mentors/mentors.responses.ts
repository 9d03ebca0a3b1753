import { StreakResponse } from '../engage/engage.responses';
import { TaskResponse } from '../tasks/tasks.responses';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PciResponse } from '../roadmaps/roadmaps.responses';
import { TopicStatsResponse } from '../telemetry/telemetry.responses';

export const MENTOR_LINK_STATUSES = ['pending', 'accepted', 'declined'] as const;
export type MentorLinkStatus = (typeof MENTOR_LINK_STATUSES)[number];

/** The other side of a mentor link, as one side sees it. */
export class MentorLinkPerson {
  @ApiProperty()
  id!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty()
  email!: string;
}

/**
 * A mentor link: an invitation from a student to a mentor, accepted or declined by the
 * mentor. The student sees it with `mentor`, the mentor with `student`; an invitation is
 * named by its student's id on the mentor's side (one per student and mentor).
 */
export class MentorLinkResponse {
  @ApiProperty({ enum: MENTOR_LINK_STATUSES })
  status!: MentorLinkStatus;
  @ApiPropertyOptional({ type: MentorLinkPerson })
  mentor?: MentorLinkPerson;
  @ApiPropertyOptional({ type: MentorLinkPerson })
  student?: MentorLinkPerson;
  @ApiProperty()
  invitedAt!: string;
  @ApiProperty({ nullable: true, type: String })
  respondedAt!: string | null;
}

/** Whether the caller is an accepted mentor of the student (auth.mentor_scope). */
export interface MentorScopeResponse {
  accepted: boolean;
}

/**
 * `GET /mentor/students/:id/summary`: what a mentor sees of one student, composed from the
 * services that own it. Further parts (the streak, the tasks) join as fields of their own.
 */
export class MentorStudentSummaryResponse {
  @ApiProperty({ type: MentorLinkPerson })
  student!: MentorLinkPerson;
  @ApiProperty({ type: [TopicStatsResponse], description: 'Every topic, highest mastery first' })
  topicStats!: TopicStatsResponse[];
  @ApiProperty({ type: [TopicStatsResponse], description: 'At most 5, weakest first' })
  weakTopics!: TopicStatsResponse[];
  @ApiProperty({ type: [PciResponse], description: 'PCI of the roadmaps the student follows' })
  roadmaps!: PciResponse[];
  @ApiProperty({ type: StreakResponse, description: "The student's daily streak" })
  streak!: StreakResponse;
  @ApiProperty({ type: [TaskResponse], description: 'The student’s 20 most recent tasks' })
  tasks!: TaskResponse[];
}
