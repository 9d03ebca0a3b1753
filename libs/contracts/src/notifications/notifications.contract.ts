import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';

/**
 * What a learner is told about, one kind per source event (docs/product.md, "Notifications"):
 * revision cards due, a weekly goal reached or at risk, the streak at risk, a task verified or
 * failed, a chat unlocked, a linked account whose sync keeps failing.
 */
export const NOTIFICATION_KINDS = [
  'revisions_due',
  'goal_reached',
  'goal_at_risk',
  'streak_at_risk',
  'task_completed',
  'task_failed',
  'chat_unlocked',
  'sync_failing',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** How a kind reaches the learner's mailbox: never, one email each, or in the morning digest. */
export const EMAIL_MODES = ['off', 'immediate', 'digest'] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];

export class NotificationResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind!: NotificationKind;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({
    description: 'ids the client links to (taskId, goalId, userId of the partner, platform…)',
    type: 'object',
    additionalProperties: true,
  })
  data!: Record<string, unknown>;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) readAt!: string | null;
}

export class NotificationPageResponse {
  @ApiProperty({ type: [NotificationResponse] }) items!: NotificationResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
  @ApiProperty({ description: 'unread notifications of the learner, all pages together' })
  unreadCount!: number;
}

export class MarkedReadResponse {
  @ApiProperty({ description: 'how many notifications changed from unread to read' })
  marked!: number;
  @ApiProperty() unreadCount!: number;
}

export class NotificationPreference {
  @ApiProperty({ enum: NOTIFICATION_KINDS })
  @IsIn(NOTIFICATION_KINDS)
  kind!: NotificationKind;

  @ApiProperty({ description: 'stored in the list and pushed on the live stream' })
  @IsBoolean()
  inApp!: boolean;

  @ApiProperty({ enum: EMAIL_MODES })
  @IsIn(EMAIL_MODES)
  email!: EmailMode;
}

export class NotificationPreferencesResponse {
  @ApiProperty({ type: [NotificationPreference], description: 'one entry per kind' })
  preferences!: NotificationPreference[];
  @ApiProperty({ description: 'whether this deployment sends email at all (SMTP configured)' })
  emailEnabled!: boolean;
}

export class NotificationPreferenceChange {
  @ApiProperty({ enum: NOTIFICATION_KINDS })
  @IsIn(NOTIFICATION_KINDS)
  kind!: NotificationKind;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  inApp?: boolean;

  @ApiPropertyOptional({ enum: EMAIL_MODES })
  @IsOptional()
  @IsIn(EMAIL_MODES)
  email?: EmailMode;
}

/** Kinds not named keep their setting. */
export class UpdateNotificationPreferencesRequest {
  @ApiProperty({ type: [NotificationPreferenceChange] })
  @ValidateNested({ each: true })
  @Type(() => NotificationPreferenceChange)
  @ArrayMinSize(1)
  @ArrayMaxSize(NOTIFICATION_KINDS.length)
  preferences!: NotificationPreferenceChange[];
}

export class UnsubscribeQuery {
  @ApiProperty({ description: 'the signed token of an email’s unsubscribe link' })
  @IsString()
  @MaxLength(500)
  token!: string;
}

export class UnsubscribeResponse {
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind!: NotificationKind;
  @ApiProperty({ enum: EMAIL_MODES }) email!: EmailMode;
}

/** RPC payloads of auth's notifications (the caller travels beside them). */
export interface ListNotificationsRpcData {
  limit: number;
  cursor?: string;
}

export interface NotificationIdRpcData {
  notificationId: string;
}

export interface UpdateNotificationPreferencesRpcData {
  preferences: NotificationPreferenceChange[];
}

export interface UnsubscribeRpcData {
  token: string;
}
