import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ErrorDetailDto {
  @ApiProperty({ example: 'email' }) field!: string;
  @ApiProperty({ example: 'must be a valid email address' }) message!: string;
}

export class ErrorBodyDto {
  @ApiProperty({ example: 'VALIDATION_FAILED' }) code!: string;
  @ApiPropertyOptional({
    example: 'ROADMAP_VERSION_CONFLICT',
    description: 'which situation, where one code covers several (docs/errors.md)',
  })
  reason?: string;
  @ApiProperty({ example: 'email: must be a valid email address' }) message!: string;
  @ApiPropertyOptional({ example: 'email' }) field?: string;
  @ApiPropertyOptional({ type: [ErrorDetailDto] }) details?: ErrorDetailDto[];
  @ApiProperty({ example: '0193a1f2-7c1e-7d3a-9f1b-2c3d4e5f6a7b' }) requestId!: string;
}

/** The one error shape (docs/product.md#cross-cutting-rules), for the OpenAPI document. */
export class ErrorResponseDto {
  @ApiProperty({ type: ErrorBodyDto }) error!: ErrorBodyDto;
}
