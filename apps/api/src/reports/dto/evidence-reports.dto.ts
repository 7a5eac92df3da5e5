import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { LEGAL_AREAS, type LegalArea } from '@casetrail/case-management';
import { STATISTICS_PERIODS, type StatisticsPeriod } from '@casetrail/case-read-models';
import { DateFilter } from '../../read-models/dto/date-filter';
import { POSITION_PATTERN } from '../../read-models/read-your-writes/caught-up.decorator';
import { ReportFormatDto } from './report-format.dto';

/** A report over the read models: its format and locale, and read-your-writes. */
export class ReadModelReportDto extends ReportFormatDto {
  @ApiPropertyOptional({
    example: '13835058055282163713',
    description: 'Read-your-writes: the `position` a write returned; the report waits until the read models have applied the log through it',
  })
  @IsOptional()
  @Matches(POSITION_PATTERN, { message: 'minPosition must be a global position as a write returned it (decimal digits)' })
  minPosition?: string;
}

export class ComplaintStatisticsDto extends ReadModelReportDto {
  @ApiPropertyOptional({ enum: STATISTICS_PERIODS, default: 'quarter', description: 'Group by calendar quarter or year of the decision' })
  @IsOptional()
  @IsIn(STATISTICS_PERIODS)
  period: StatisticsPeriod = 'quarter';

  @DateFilter('Decided on or after')
  from?: string;

  @DateFilter('Decided on or before', 'from')
  to?: string;

  @ApiPropertyOptional({ enum: LEGAL_AREAS })
  @IsOptional()
  @IsIn(LEGAL_AREAS)
  legalArea?: LegalArea;

  @ApiPropertyOptional({ format: 'uuid', description: 'An imported comparator (POST /evidence/comparators) to show beside the figures, labelled as evidence' })
  @IsOptional()
  @IsUUID()
  comparatorId?: string;
}
