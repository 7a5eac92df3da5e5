import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';
import { SANCTION_TYPES } from '@casetrail/case-management';
import { KNOWN_ON_PATTERN } from '@casetrail/case-read-models';
import { DateFilter } from '../../read-models/dto/date-filter';
import { POSITION_PATTERN } from '../../read-models/read-your-writes/caught-up.decorator';
import { ReportFormatDto } from './report-format.dto';

const SANCTION_TYPE_CODES = SANCTION_TYPES.map((type) => type.code);
const KNOWN_ON = 'a date yyyy-mm-dd (to the end of that day in Europe/Copenhagen) or an instant with its zone, e.g. 2023-08-29T23:59:59+02:00';

/** Comma-separated in the query string (`?sanctionTypes=A,B`), or the parameter repeated. */
const commaList = ({ value }: { value: unknown }) =>
  value === undefined ? undefined : [value].flat().flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter((v) => v !== '');

export class SanctionReviewQueryDto extends ReportFormatDto {
  @ApiPropertyOptional({ type: String, example: 'AKTL_40A_STRICTER_AVAILABILITY', description: 'Comma-separated codes of the sanction-type catalogue; default: every stricter type' })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @ArrayMaxSize(20)
  @IsIn(SANCTION_TYPE_CODES, { each: true, message: `sanctionTypes must be codes of the catalogue: ${SANCTION_TYPE_CODES.join(', ')}` })
  sanctionTypes?: string[];

  @DateFilter('Breach on or after (effective time)')
  breachFrom?: string;

  @DateFilter('Breach on or before (effective time)', 'breachFrom')
  breachTo?: string;

  @ApiPropertyOptional({ example: '2023-08-29', description: `What was known then, by recorded time: ${KNOWN_ON}; default: now` })
  @IsOptional()
  @Matches(KNOWN_ON_PATTERN, { message: `knownOn must be ${KNOWN_ON}` })
  knownOn?: string;

  @ApiPropertyOptional({ example: '13835058055282163713', description: 'Global log position to compute at (decimal, as a write or an earlier report returned it); default: the current end of the stable log' })
  @IsOptional()
  @Matches(POSITION_PATTERN, { message: 'position must be a global position (decimal digits)' })
  position?: string;

  @ApiPropertyOptional({ type: Boolean, default: false, description: 'The pseudonymous citizens behind each row; appeals-liaison, auditor and admin only' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'includeCitizens must be true or false' })
  includeCitizens?: boolean;
}
