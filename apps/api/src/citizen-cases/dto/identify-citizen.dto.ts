import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { DISCOVERY_SOURCES, type DiscoverySource } from '@casetrail/case-management';
import { CommandBodyDto } from '../../http/command-body.dto';

export class IdentifyCitizenDto extends CommandBodyDto {
  @ApiProperty({ enum: DISCOVERY_SOURCES, example: 'PRACTICE_SURVEY', description: 'How the municipality found the citizen in a review' })
  @IsIn(DISCOVERY_SOURCES)
  source!: DiscoverySource;

  @ApiPropertyOptional({ example: '2023-05-10', description: 'yyyy-mm-dd; defaults to the effective date' })
  @IsOptional()
  @IsString()
  identifiedOn?: string;

  @ApiPropertyOptional({ example: 'Practice survey list 2023, row 14', description: 'At most 500 characters' })
  @IsOptional()
  @IsString()
  note?: string;
}
