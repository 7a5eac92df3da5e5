import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { APPEAL_OUTCOMES, type AppealOutcome } from '@casetrail/case-management';
import { CommandBodyDto } from '../../http/command-body.dto';

export class DecideAppealDto extends CommandBodyDto {
  @ApiProperty({ enum: APPEAL_OUTCOMES, example: 'OPHAEVET', description: "Ankestyrelsen's outcome: upheld, changed, annulled, remitted, dismissed" })
  @IsIn(APPEAL_OUTCOMES)
  outcome!: AppealOutcome;

  @ApiPropertyOptional({ example: '2021-09-01', description: 'yyyy-mm-dd, not before the appeal was lodged; defaults to the effective date' })
  @IsOptional()
  @IsString()
  decidedOn?: string;
}
