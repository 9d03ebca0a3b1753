import { ApiProperty } from '@nestjs/swagger';
import { GOAL_KINDS, type GoalKind } from '../events/goal.events';

export class GoalResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: GOAL_KINDS }) kind!: GoalKind;
  @ApiProperty() target!: number;
  @ApiProperty({ nullable: true, type: String }) topic!: string | null;
  @ApiProperty({ description: "this week's Monday in the learner's time zone" }) weekStart!: string;
  @ApiProperty({ description: "this week's Sunday" }) weekEnd!: string;
  @ApiProperty({ description: 'problems / minutes so far this week, or the mastery now' })
  progress!: number;
  @ApiProperty() reached!: boolean;
  @ApiProperty({ description: 'behind the pace rule today (docs/product.md#weekly-goals)' })
  atRisk!: boolean;
  @ApiProperty() createdAt!: string;
}

export class GoalListResponse {
  @ApiProperty({ type: [GoalResponse] }) items!: GoalResponse[];
  @ApiProperty() timeZone!: string;
  @ApiProperty({ description: "today in the learner's time zone" }) today!: string;
}

export class StreakDayResponse {
  @ApiProperty() date!: string;
  @ApiProperty({ enum: ['counted', 'frozen', 'missed', 'today_pending'] }) status!: string;
}

export class StreakResponse {
  @ApiProperty() current!: number;
  @ApiProperty() longest!: number;
  @ApiProperty({ description: 'freezes left in this calendar month (2 a month)' })
  freezesLeft!: number;
  @ApiProperty() todayCounted!: boolean;
  @ApiProperty() today!: string;
  @ApiProperty() timeZone!: string;
  @ApiProperty({ type: [StreakDayResponse], description: 'the last 14 days, oldest first' })
  recentDays!: StreakDayResponse[];
}

export class ReadinessRoadmapInput {
  @ApiProperty() roadmapId!: string;
  @ApiProperty({ description: '0..1' }) pciScore!: number;
}

export class ReadinessInputsResponse {
  @ApiProperty({ type: [ReadinessRoadmapInput] }) roadmaps!: ReadinessRoadmapInput[];
  @ApiProperty({ description: 'mean PCI of the roadmaps (0..1)' }) pci!: number;
  @ApiProperty({ description: 'revision cards' }) cards!: number;
  @ApiProperty({ description: 'cards due now' }) dueCards!: number;
  @ApiProperty({ description: 'mean recall probability of the cards (0..1)' }) retention!: number;
  @ApiProperty({ description: '1 − due / cards (0 with no cards)' }) revisionHealth!: number;
  @ApiProperty({ type: Object, description: 'weights of pci, retention, revisionHealth' })
  weights!: Record<string, number>;
}

export class ReadinessResponse {
  @ApiProperty({ minimum: 0, maximum: 100 }) score!: number;
  @ApiProperty({ type: ReadinessInputsResponse }) inputs!: ReadinessInputsResponse;
  @ApiProperty({ nullable: true, type: String }) targetDate!: string | null;
  @ApiProperty({ description: 'the score a learner counts as ready from' }) readyScore!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'points a day over the last 30 days' })
  pacePerDay!: number | null;
  @ApiProperty({ nullable: true, type: String }) projectedReadyDate!: string | null;
  @ApiProperty({ nullable: true, type: Boolean }) onTrack!: boolean | null;
  @ApiProperty({ type: [Object], description: 'daily samples the pace is read from' })
  history!: Array<{ date: string; score: number }>;
  @ApiProperty() today!: string;
}
