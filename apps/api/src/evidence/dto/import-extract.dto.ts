import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsInt, IsISO8601, IsObject, IsOptional, IsString, Length, Matches, Min, ValidateNested } from 'class-validator';

export class EvidencePeriodDto {
  @ApiProperty({ example: '2020-01-01' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  from!: string;

  @ApiProperty({ example: '2023-07-31' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  to!: string;
}

export class ExtractSanctionDto {
  @ApiProperty({ example: 'STRICTER_AVAILABILITY', description: "The extract's own type code; STRICTER_AVAILABILITY is compared with the catalogue's stricter types" })
  @IsString()
  @Matches(/^[A-Z][A-Z0-9_]{0,63}$/, { message: 'type must be an upper-case code such as STRICTER_AVAILABILITY' })
  type!: string;

  @ApiProperty({ example: '2021-03-01', description: 'The date the extract gives for the sanction' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  date!: string;

  @ApiPropertyOptional({ example: 123400, description: 'Integer øre, when the extract gives an amount' })
  @IsOptional()
  @IsInt()
  @Min(0)
  amountOre?: number;
}

export class ExtractCitizenDto {
  @ApiProperty({
    example: '0101901234',
    description: 'CPR number (DDMMYY-SSSS). Used to find the citizen in the vault, then dropped: only the citizen reference, or the keyed lookup hash, is stored',
  })
  @IsString()
  @Matches(/^\d{6}-?\d{4}$/, { message: 'cpr must be 10 digits, DDMMYYSSSS or DDMMYY-SSSS' })
  cpr!: string;

  @ApiProperty({ type: [ExtractSanctionDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ExtractSanctionDto)
  sanctions!: ExtractSanctionDto[];
}

/** The extract document as received, e.g. STAR / Jobindsats: posted as the file itself. */
export class ImportExtractDto {
  @ApiProperty({ example: 'STAR/Jobindsats', description: 'Who produced the extract' })
  @IsString()
  @Length(1, 200)
  source!: string;

  @ApiProperty({ type: EvidencePeriodDto, description: 'The period the extract covers' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => EvidencePeriodDto)
  period!: EvidencePeriodDto;

  @ApiProperty({ example: '2023-08-07', description: 'When the municipality received the extract' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  receivedOn!: string;

  @ApiProperty({ type: [ExtractCitizenDto] })
  @IsArray()
  @ArrayMaxSize(10_000)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ExtractCitizenDto)
  citizens!: ExtractCitizenDto[];
}
