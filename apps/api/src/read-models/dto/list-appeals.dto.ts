import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { APPEAL_OUTCOMES, LEGAL_AREAS, type AppealOutcome, type LegalArea } from '@casetrail/case-management';
import { DateFilter } from './date-filter';
import { PagedQueryDto } from './read-model-query.dto';

export class ListAppealsDto extends PagedQueryDto {
  @ApiPropertyOptional({ enum: LEGAL_AREAS })
  @IsOptional()
  @IsIn(LEGAL_AREAS)
  legalArea?: LegalArea;

  @ApiPropertyOptional({ enum: APPEAL_OUTCOMES, description: "Ankestyrelsen's outcome" })
  @IsOptional()
  @IsIn(APPEAL_OUTCOMES)
  outcome?: AppealOutcome;

  @DateFilter('Decided on or after')
  decidedFrom?: string;

  @DateFilter('Decided on or before', 'decidedFrom')
  decidedTo?: string;
}
