import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { DECISION_OUTCOMES, type DecisionOutcome } from '@casetrail/case-management';
import { CommandBodyDto } from '../../http/command-body.dto';

export class RecordDecisionDto extends CommandBodyDto {
  @ApiProperty({ enum: DECISION_OUTCOMES, example: 'ENDORSED' })
  @IsIn(DECISION_OUTCOMES)
  outcome!: DecisionOutcome;

  @ApiProperty({ example: 'Tiltrådt.', description: 'The decision as the minutes word it' })
  @IsString()
  @Length(1, 10000)
  text!: string;

  @ApiPropertyOptional({ example: [], type: [String], description: 'Required for APPROVED_WITH_AMENDMENTS, empty otherwise' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 4000, { each: true })
  amendments?: string[];
}
