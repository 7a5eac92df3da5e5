import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { CLOSURE_REASONS, type ClosureReason } from '@casetrail/case-management';
import { CommandBodyDto } from '../../http/command-body.dto';

export class CloseCaseDto extends CommandBodyDto {
  @ApiProperty({ enum: CLOSURE_REASONS, example: 'REVIEW_COMPLETED' })
  @IsIn(CLOSURE_REASONS)
  reason!: ClosureReason;

  @ApiPropertyOptional({ example: '2023-08-01', description: 'yyyy-mm-dd, not before the case was opened; defaults to the effective date' })
  @IsOptional()
  @IsString()
  closedOn?: string;
}
