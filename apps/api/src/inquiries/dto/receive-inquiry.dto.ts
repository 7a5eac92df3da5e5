import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsIn, IsISO8601, IsObject, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { LEGAL_AREAS, type LegalArea } from '@casetrail/case-management';
import { CommandBodyDto } from '../../http/command-body.dto';

export class InquiryPeriodDto {
  @ApiProperty({ example: '2020-01-01' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  from!: string;

  @ApiProperty({ example: '2023-07-31' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  to!: string;
}

/** What the inquiry asks about; an absent part does not narrow it. */
export class InquiryScopeDto {
  @ApiPropertyOptional({ enum: LEGAL_AREAS, example: 'AKTIVLOVEN' })
  @IsOptional()
  @IsIn(LEGAL_AREAS)
  legalArea?: LegalArea;

  @ApiPropertyOptional({ example: ['AKTL_40A_STRICTER_AVAILABILITY'], type: [String], description: 'Codes from the sanction-type catalogue' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  sanctionTypes?: string[];

  @ApiPropertyOptional({ type: InquiryPeriodDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => InquiryPeriodDto)
  period?: InquiryPeriodDto;
}

export class ReceiveInquiryDto extends CommandBodyDto {
  @ApiProperty({ example: 'Ankestyrelsen', description: 'Who sent the inquiry' })
  @IsString()
  @Length(1, 200)
  from!: string;

  @ApiProperty({ example: 'Hvilke afgørelser om skærpet rådighedssanktion siden 1. januar 2020 var forkerte?' })
  @IsString()
  @Length(1, 10000)
  question!: string;

  @ApiProperty({ type: InquiryScopeDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => InquiryScopeDto)
  scope!: InquiryScopeDto;

  @ApiProperty({ example: '2023-09-01' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  deadline!: string;

  @ApiPropertyOptional({ example: '2023-06-28', description: 'Defaults to the effective date' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Length(10, 10)
  receivedOn?: string;
}
