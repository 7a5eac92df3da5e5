import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import { SANCTION_TYPES } from '@casetrail/case-management';
import { KNOWN_ON_PATTERN } from '@casetrail/case-read-models';
import { CommandBodyDto } from '../../http/command-body.dto';
import { POSITION_PATTERN } from '../../read-models/read-your-writes/caught-up.decorator';

const SANCTION_TYPE_CODES = SANCTION_TYPES.map((type) => type.code);

/** The sanction review report's parameters (as GET /reports/sanction-review takes them), and a note. */
export class DraftAnswerDto extends CommandBodyDto {
  @ApiPropertyOptional({ type: [String], example: ['AKTL_40A_STRICTER_AVAILABILITY'], description: 'Codes of the sanction-type catalogue; default: every stricter type' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsIn(SANCTION_TYPE_CODES, { each: true })
  sanctionTypes?: string[];

  @ApiPropertyOptional({ example: '2020-01-01', description: 'Breach on or after (yyyy-mm-dd)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Length(10, 10)
  breachFrom?: string;

  @ApiPropertyOptional({ example: '2023-07-31', description: 'Breach on or before (yyyy-mm-dd)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Length(10, 10)
  breachTo?: string;

  @ApiPropertyOptional({ example: '2023-08-29', description: 'yyyy-mm-dd (to the end of that day in Denmark) or an instant with its zone; default: now' })
  @IsOptional()
  @Matches(KNOWN_ON_PATTERN, { message: 'knownOn must be a date yyyy-mm-dd or an instant with its zone' })
  knownOn?: string;

  @ApiPropertyOptional({ example: '13835058055282163713', description: 'Global log position (decimal); default: the current end of the stable log' })
  @IsOptional()
  @Matches(POSITION_PATTERN, { message: 'position must be a global position (decimal digits)' })
  position?: string;

  @ApiPropertyOptional({ example: 'Til Beskæftigelsesudvalgets møde 14. september', description: 'At most 2000 characters' })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  note?: string;

  @ApiPropertyOptional({ example: '2023-08-30', description: 'yyyy-mm-dd; defaults to the effective date' })
  @IsOptional()
  @IsString()
  draftedOn?: string;
}
