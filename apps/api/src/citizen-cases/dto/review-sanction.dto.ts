import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ERROR_CATEGORIES, REVIEW_OUTCOMES, type ErrorCategory, type ReviewOutcome } from '@casetrail/case-management';
import { CommandBodyDto } from '../../http/command-body.dto';

export class ReviewSanctionDto extends CommandBodyDto {
  @ApiProperty({ enum: REVIEW_OUTCOMES, example: 'ERROR' })
  @IsIn(REVIEW_OUTCOMES)
  outcome!: ReviewOutcome;

  @ApiProperty({
    enum: ERROR_CATEGORIES,
    isArray: true,
    example: ['MISSING_WRITTEN_GUIDANCE', 'NO_CONCRETE_ASSESSMENT'],
    description: 'Why the decision was wrong: at least one for ERROR, none for CORRECT',
  })
  @IsArray()
  @ArrayMaxSize(ERROR_CATEGORIES.length)
  @IsIn(ERROR_CATEGORIES, { each: true })
  errorCategories!: ErrorCategory[];

  @ApiProperty({ example: true, description: 'Whether an appeal would have changed the decision' })
  @IsBoolean()
  wouldChangeOnAppeal!: boolean;

  @ApiProperty({ example: 'legal-audit-1', description: 'Who reviewed the decision' })
  @IsString()
  @MaxLength(200)
  reviewer!: string;

  @ApiPropertyOptional({ example: '2023-06-01', description: 'yyyy-mm-dd; defaults to the effective date' })
  @IsOptional()
  @IsString()
  reviewedOn?: string;
}
