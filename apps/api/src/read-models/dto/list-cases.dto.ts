import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { LEGAL_AREAS, type CitizenCaseState, type LegalArea } from '@casetrail/case-management';
import { DateFilter } from './date-filter';
import { PagedQueryDto } from './read-model-query.dto';

const CASE_STATUSES = ['OPEN', 'CLOSED'] as const satisfies readonly CitizenCaseState['status'][];
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class ListCasesDto extends PagedQueryDto {
  @ApiPropertyOptional({ example: '24-1-15.20.00-P27', description: 'Exactly this case number' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 40)
  caseNumber?: string;

  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: (typeof CASE_STATUSES)[number];

  @ApiPropertyOptional({ example: 'Jobcenter Nord', description: 'Exactly this owning unit' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  owningUnit?: string;

  @ApiPropertyOptional({ enum: LEGAL_AREAS })
  @IsOptional()
  @IsIn(LEGAL_AREAS)
  legalArea?: LegalArea;

  @DateFilter('Opened on or after')
  openedFrom?: string;

  @DateFilter('Opened on or before', 'openedFrom')
  openedTo?: string;
}
