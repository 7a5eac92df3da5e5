import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

/** Fields every command body may carry. */
export class CommandBodyDto {
  @ApiPropertyOptional({ description: 'When the facts took effect in the world (ISO 8601); defaults to now', example: '2023-06-28T09:00:00+02:00' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  effectiveAt?: string;
}
