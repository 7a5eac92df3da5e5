import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { LEGAL_AREAS, type LegalArea } from '@casetrail/case-management';
import { CommandBodyDto } from '../../http/command-body.dto';

export class OpenCaseDto extends CommandBodyDto {
  @ApiProperty({ example: '24-1-15.20.00-P27', description: 'Journal number: EMN-2023-05050, 24-1-15.20.00-P27, 17/7397 or 2016/05156' })
  @IsString()
  @Length(3, 40)
  caseNumber!: string;

  @ApiProperty({ example: '0101901234', description: "The citizen's CPR number (DDMMYY-SSSS). Stored encrypted in the vault; never in events, logs or URLs" })
  @IsString()
  @Matches(/^\d{6}-?\d{4}$/, { message: 'cpr must be 10 digits, DDMMYYSSSS or DDMMYY-SSSS' })
  cpr!: string;

  @ApiProperty({ enum: LEGAL_AREAS })
  @IsIn(LEGAL_AREAS)
  legalArea!: LegalArea;

  @ApiProperty({ example: 'Jobcenter Nord' })
  @IsString()
  @Length(1, 200)
  owningUnit!: string;

  @ApiPropertyOptional({ example: '2023-06-28', description: 'Opening date; defaults to the effective date' })
  @IsOptional()
  @IsString()
  openedOn?: string;
}
