import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsISO8601, IsNumber, IsObject, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { LEGAL_AREAS, type LegalArea } from '@casetrail/case-management';
import { CommandBodyDto } from '../../http/command-body.dto';
import { EvidencePeriodDto } from './import-extract.dto';

export class ImportComparatorDto extends CommandBodyDto {
  @ApiProperty({ example: 'Landsgennemsnit, omgørelsesprocent, aktivloven', description: 'What the figure is' })
  @IsString()
  @Length(1, 300)
  label!: string;

  @ApiProperty({ example: 'Ankestyrelsen, Ankestatistik 2023', description: 'Where the figure comes from' })
  @IsString()
  @Length(1, 300)
  source!: string;

  @ApiProperty({ example: '2024-03-01', description: 'When the municipality received the figure' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  receivedOn!: string;

  @ApiProperty({ enum: LEGAL_AREAS })
  @IsIn(LEGAL_AREAS)
  legalArea!: LegalArea;

  @ApiProperty({ type: EvidencePeriodDto, description: 'The period the figure covers' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => EvidencePeriodDto)
  period!: EvidencePeriodDto;

  @ApiProperty({ example: 32.4, description: 'The reversal rate as published, in percent (at most two decimals)' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100)
  reversalRatePct!: number;
}
