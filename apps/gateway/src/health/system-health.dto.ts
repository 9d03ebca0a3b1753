import { ApiProperty } from '@nestjs/swagger';
import { BACKEND_SERVICES } from '@prepmate/contracts';

export class SystemHealthDto {
  @ApiProperty({ enum: ['up', 'down'] })
  status!: 'up' | 'down';

  @ApiProperty({
    description: 'State of each service',
    example: Object.fromEntries(['gateway', ...BACKEND_SERVICES].map((name) => [name, 'up'])),
  })
  services!: Record<string, 'up' | 'down'>;
}
