import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

/** Longest reflection post (characters), plain text or Markdown stored as given. */
export const POST_MAX_CHARS = 5_000;
/** Most skills one post may list. */
export const POST_MAX_SKILLS = 20;
/** Points one scratch request may log. */
export const SCRATCH_MAX_POINTS = 500;
/** Longest chat message (characters). */
export const CHAT_MESSAGE_MAX_CHARS = 2_000;

export class CreatePostRequest {
  @ApiProperty({ minLength: 1, maxLength: POST_MAX_CHARS, description: 'plain text or Markdown' })
  @IsString()
  @Length(1, POST_MAX_CHARS)
  content!: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'taxonomy slugs or names; normalized to slugs, an unknown one is rejected',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(POST_MAX_SKILLS)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  skills?: string[];

  @ApiPropertyOptional({ description: 'the task this reflection is about' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  taskId?: string;

  @ApiPropertyOptional({ description: 'a canonical problem id' })
  @IsOptional()
  @IsUUID()
  problemId?: string;
}

/** An edit: what is given replaces what was stored. */
export class UpdatePostRequest {
  @ApiPropertyOptional({ minLength: 1, maxLength: POST_MAX_CHARS })
  @IsOptional()
  @IsString()
  @Length(1, POST_MAX_CHARS)
  content?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(POST_MAX_SKILLS)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  skills?: string[];
}

export class ScratchPoint {
  @ApiProperty({ minimum: 0, maximum: 1 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  x!: number;

  @ApiProperty({ minimum: 0, maximum: 1 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  y!: number;
}

export class ScratchRequest {
  @ApiProperty({ type: [ScratchPoint], minItems: 1, maxItems: SCRATCH_MAX_POINTS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SCRATCH_MAX_POINTS)
  @ValidateNested({ each: true })
  @Type(() => ScratchPoint)
  points!: ScratchPoint[];

  @ApiProperty({ minimum: 0, maximum: 1, description: 'share of the mask scratched so far' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  coverage!: number;
}

export class SendChatMessageRequest {
  @ApiProperty({ minLength: 1, maxLength: CHAT_MESSAGE_MAX_CHARS })
  @IsString()
  @Length(1, CHAT_MESSAGE_MAX_CHARS)
  text!: string;
}
