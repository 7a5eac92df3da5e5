import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsString, Min, ValidateNested } from 'class-validator';
import { SANCTION_TYPES } from '@casetrail/case-management';
import { CommandBodyDto } from '../../http/command-body.dto';

/** The codes of the sanction-type catalogue; whether a type applies on the breach date is the decider's rule. */
export const SANCTION_TYPE_CODES = SANCTION_TYPES.map((type) => type.code);

export class PeriodDto {
  @ApiProperty({ example: '2021-04-01', description: 'First day (yyyy-mm-dd)' })
  @IsString()
  from!: string;

  @ApiProperty({ example: '2021-06-30', description: 'Last day (yyyy-mm-dd), inclusive' })
  @IsString()
  to!: string;
}

export class ImposeSanctionDto extends CommandBodyDto {
  @ApiProperty({ enum: SANCTION_TYPE_CODES, example: 'AKTL_40A_STRICTER_AVAILABILITY', description: 'The legal basis follows from the type in the catalogue' })
  @IsIn(SANCTION_TYPE_CODES)
  sanctionType!: string;

  @ApiProperty({ example: '2021-03-01', description: 'Date of the breach (yyyy-mm-dd); the type must be in force then' })
  @IsString()
  breachDate!: string;

  @ApiProperty({ type: PeriodDto, description: 'The period the deduction covers' })
  @IsObject()
  @ValidateNested()
  @Type(() => PeriodDto)
  period!: PeriodDto;

  @ApiProperty({ example: 1234500, description: 'Amount deducted, in integer øre (1234500 = 12 345,00 kr.)' })
  @IsInt()
  @Min(1)
  amountDeductedOre!: number;

  @ApiPropertyOptional({ example: '2021-03-15', description: 'Date of the decision (yyyy-mm-dd); defaults to the effective date' })
  @IsOptional()
  @IsString()
  decidedOn?: string;
}
