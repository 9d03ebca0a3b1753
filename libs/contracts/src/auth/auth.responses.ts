import { ApiProperty } from '@nestjs/swagger';
import type { UserRole } from '../events/user.events';

export const USER_ROLES: UserRole[] = ['student', 'mentor', 'admin'];

export class UserResponse {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: USER_ROLES }) role!: UserRole;
  @ApiProperty({ type: [String] }) targetCompanies!: string[];
  @ApiProperty({ nullable: true, type: String, example: '2027-03-01' }) preparationTargetDate!:
    string | null;
  @ApiProperty({ example: 'Europe/Berlin', description: 'IANA time zone (default UTC)' })
  timeZone!: string;
  @ApiProperty() createdAt!: string;
}

export class AuthTokensResponse {
  @ApiProperty({ type: UserResponse }) user!: UserResponse;
  @ApiProperty({ description: 'JWT (RS256), valid for expiresIn seconds' }) accessToken!: string;
  @ApiProperty({ description: 'Opaque; rotated on every use' }) refreshToken!: string;
  @ApiProperty({ example: 900 }) expiresIn!: number;
}

/** A JSON Web Key Set of the public keys that verify access tokens. */
export interface JsonWebKeySetResponse {
  keys: Array<Record<string, unknown>>;
}

/** A user as admins manage it: the profile and whether the account is active. */
export class AdminUserResponse extends UserResponse {
  @ApiProperty() isActive!: boolean;
}

/** What the audit log records (docs/security.md). */
export const AUDIT_TYPES = [
  'login.succeeded',
  'login.failed',
  'refresh.reuse_detected',
  'account.deleted',
  'user.role_changed',
  'user.deactivated',
  'user.reactivated',
  'admin.action',
] as const;
export type AuditType = (typeof AUDIT_TYPES)[number];

export class AuditEventResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: AUDIT_TYPES }) type!: AuditType;
  @ApiProperty() at!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Who acted (a user id, or operator:<name>)',
  })
  actorId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The account acted on' })
  subjectId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Client address key (IPv4, IPv6 /64)' })
  client!: string | null;
  @ApiProperty({ type: Object }) details!: Record<string, unknown>;
}
