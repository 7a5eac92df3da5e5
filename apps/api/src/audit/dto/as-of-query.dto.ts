import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';

const INSTANT = 'a date, time and zone (ISO 8601), e.g. 2023-06-28T23:59:59+02:00; a bare date is refused';

/** Exactly one of the three views; their form is checked by parseAsOfView. */
export class AsOfQueryDto {
  @ApiPropertyOptional({ example: '3', description: 'The stream as it stood after this revision (0-based)' })
  @IsOptional()
  @IsString()
  atRevision?: string;

  @ApiPropertyOptional({ example: '2023-06-28T23:59:59+02:00', description: `What was known then: only events recorded by then. ${INSTANT}` })
  @IsOptional()
  @IsString()
  recordedAt?: string;

  @ApiPropertyOptional({
    example: '2021-12-31T23:59:59+01:00',
    description: `The world as it stood then, as known today: every event effective by then, a correction counting at the time of the fact it corrects. ${INSTANT}`,
  })
  @IsOptional()
  @IsString()
  effectiveAt?: string;
}

/** Two moments and the time they are on. */
export class DiffQueryDto {
  @ApiPropertyOptional({ example: '2023-06-28T23:59:59+02:00', description: `Required. ${INSTANT}` })
  @IsOptional()
  @IsString()
  from?: string;

  @ApiPropertyOptional({ example: '2023-08-29T23:59:59+02:00', description: `Required, not before from. ${INSTANT}` })
  @IsOptional()
  @IsString()
  to?: string;

  @ApiPropertyOptional({
    enum: ['recorded', 'effective'],
    default: 'recorded',
    description: 'recorded: what we knew at from against what we knew at to; effective: the world at from against the world at to, as known today',
  })
  @IsOptional()
  @IsString()
  view?: string;
}
