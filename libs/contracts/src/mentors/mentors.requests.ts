import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, MaxLength } from 'class-validator';
import { trimString } from '../http/request-fields';

/** `POST /me/mentors`: invite a mentor by the e-mail address of their account. */
export class InviteMentorRequest {
  @ApiProperty({ example: 'grace@example.com', maxLength: 254 })
  @Transform(trimString)
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxLength(254)
  email!: string;
}
