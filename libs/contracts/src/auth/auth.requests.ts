import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import type { UserRole } from '../events/user.events';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsTimeZone,
  Length,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { trimString } from '../http/request-fields';

export class RegisterRequest {
  @ApiProperty({ example: 'ada@example.com', maxLength: 254 })
  @Transform(trimString)
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ minLength: 8, maxLength: 128, example: 'correct horse battery' })
  @IsString()
  @Length(8, 128)
  password!: string;

  @ApiProperty({ example: 'Ada Lovelace', minLength: 1, maxLength: 100 })
  @Transform(trimString)
  @IsString()
  @Length(1, 100)
  name!: string;
}

export class LoginRequest {
  @ApiProperty({ example: 'ada@example.com' })
  @Transform(trimString)
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'correct horse battery' })
  @IsString()
  @Length(1, 128)
  password!: string;
}

export class RefreshTokenRequest {
  @ApiProperty({ description: 'The refresh token of the last login or refresh' })
  @IsString()
  @Length(20, 200)
  refreshToken!: string;
}

export class UpdateMeRequest {
  @ApiPropertyOptional({ minLength: 1, maxLength: 100 })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional({ type: [String], maxItems: 20, example: ['Google', 'Stripe'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  targetCompanies?: string[];

  @ApiPropertyOptional({
    description: 'ISO date, or null to clear',
    example: '2027-03-01',
    nullable: true,
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsDateString({ strict: true }, { message: 'must be an ISO 8601 date' })
  preparationTargetDate?: string | null;

  @ApiPropertyOptional({
    description: "IANA time zone where the learner's days begin and end (streaks, reminders)",
    example: 'Europe/Berlin',
  })
  @IsOptional()
  @IsTimeZone({ message: 'must be an IANA time zone such as Europe/Berlin' })
  timeZone?: string;
}

/** `PATCH /admin/users/:id`: an admin changes another account's role or locks it. */
export class UpdateUserAccessRequest {
  @ApiPropertyOptional({ enum: ['student', 'mentor', 'admin'] })
  @IsOptional()
  @IsIn(['student', 'mentor', 'admin'])
  role?: UserRole;

  @ApiPropertyOptional({ description: 'false locks the account: no login, tokens refused' })
  @IsOptional()
  @IsBoolean()
  isActive?: boolean;
}
