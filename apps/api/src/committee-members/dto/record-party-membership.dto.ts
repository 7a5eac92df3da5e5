import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Length, ValidateIf } from 'class-validator';
import { CommandBodyDto } from '../../http/command-body.dto';

export class RecordPartyMembershipDto extends CommandBodyDto {
  @ApiProperty({ example: 'A', nullable: true, type: String, description: 'Party letter (A, F, Æ, Ø …); null for outside any party (løsgænger)' })
  @ValidateIf((dto: RecordPartyMembershipDto) => dto.party !== null)
  @IsString()
  @Length(1, 3)
  party!: string | null;

  @ApiPropertyOptional({ example: '2022-01-01', description: 'First day of the membership; defaults to the effective date' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Length(10, 10)
  from?: string;

  @ApiPropertyOptional({ example: '2025-12-31', nullable: true, type: String, description: 'Last day (inclusive); absent or null while it lasts' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Length(10, 10)
  to?: string | null;
}
