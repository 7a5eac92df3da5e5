import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { DISCOVERY_SOURCES, REVIEW_OUTCOMES, SANCTION_TYPES, type DiscoverySource, type ReviewOutcome } from '@casetrail/case-management';
import { DateFilter } from './date-filter';
import { PagedQueryDto } from './read-model-query.dto';

const SANCTION_TYPE_CODES = SANCTION_TYPES.map((type) => type.code);

export class ListSanctionsDto extends PagedQueryDto {
  @ApiPropertyOptional({ enum: SANCTION_TYPE_CODES, description: 'A code of the sanction-type catalogue' })
  @IsOptional()
  @IsIn(SANCTION_TYPE_CODES)
  sanctionType?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'Only stricter availability sanctions (true) or only the others (false)' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'stricter must be true or false' })
  stricter?: boolean;

  @ApiPropertyOptional({ enum: REVIEW_OUTCOMES })
  @IsOptional()
  @IsIn(REVIEW_OUTCOMES)
  reviewOutcome?: ReviewOutcome;

  @ApiPropertyOptional({ enum: DISCOVERY_SOURCES, description: "Sanctions of cases whose citizen was found (also) through this source" })
  @IsOptional()
  @IsIn(DISCOVERY_SOURCES)
  discoverySource?: DiscoverySource;

  @DateFilter('Breach on or after')
  breachFrom?: string;

  @DateFilter('Breach on or before', 'breachFrom')
  breachTo?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the sanctions of this case' })
  @IsOptional()
  @IsUUID('all')
  caseId?: string;
}
