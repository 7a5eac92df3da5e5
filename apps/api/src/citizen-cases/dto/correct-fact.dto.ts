import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Allow, ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';
import {
  ERROR_CATEGORIES,
  LEGAL_AREAS,
  REVIEW_OUTCOMES,
  type ErrorCategory,
  type LegalArea,
  type ReviewOutcome,
} from '@casetrail/case-management';
import { CommandBodyDto } from '../../http/command-body.dto';
import { PeriodDto, SANCTION_TYPE_CODES } from './impose-sanction.dto';

export const CORRECTION_KINDS = ['case', 'sanction', 'review'] as const;

/** What `target` becomes when its `kind` is none of the known ones: only the kind is then reported. */
export class UnknownCorrectionTargetDto {
  @IsIn(CORRECTION_KINDS)
  kind!: string;

  @Allow()
  sanctionId?: unknown;

  @Allow()
  changes?: unknown;
}

export class CaseChangesDto {
  @ApiPropertyOptional({ example: 'Jobcenter Syd' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  owningUnit?: string;

  @ApiPropertyOptional({ enum: LEGAL_AREAS })
  @IsOptional()
  @IsIn(LEGAL_AREAS)
  legalArea?: LegalArea;
}

export class SanctionChangesDto {
  @ApiPropertyOptional({ enum: SANCTION_TYPE_CODES, description: 'The legal basis follows from the type in the catalogue' })
  @IsOptional()
  @IsIn(SANCTION_TYPE_CODES)
  sanctionType?: string;

  @ApiPropertyOptional({ example: '2021-03-01' })
  @IsOptional()
  @IsString()
  breachDate?: string;

  @ApiPropertyOptional({ type: PeriodDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PeriodDto)
  period?: PeriodDto;

  @ApiPropertyOptional({ example: 1134500, description: 'Integer øre' })
  @IsOptional()
  @IsInt()
  @Min(1)
  amountDeductedOre?: number;
}

export class ReviewChangesDto {
  @ApiPropertyOptional({ enum: REVIEW_OUTCOMES })
  @IsOptional()
  @IsIn(REVIEW_OUTCOMES)
  outcome?: ReviewOutcome;

  @ApiPropertyOptional({ enum: ERROR_CATEGORIES, isArray: true, example: ['DEADLINE_EXCEEDED'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ERROR_CATEGORIES.length)
  @IsIn(ERROR_CATEGORIES, { each: true })
  errorCategories?: ErrorCategory[];

  @ApiPropertyOptional({ example: false })
  @IsOptional()
  @IsBoolean()
  wouldChangeOnAppeal?: boolean;
}

export class CaseCorrectionTargetDto {
  @ApiProperty({ enum: ['case'] })
  @IsIn(['case'])
  kind!: 'case';

  @ApiProperty({ type: CaseChangesDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CaseChangesDto)
  changes!: CaseChangesDto;
}

export class SanctionCorrectionTargetDto {
  @ApiProperty({ enum: ['sanction'] })
  @IsIn(['sanction'])
  kind!: 'sanction';

  @ApiProperty({ format: 'uuid', example: '0190c7a2-5b1e-7c3d-9f00-1a2b3c4d5e6f' })
  @IsUUID('all')
  sanctionId!: string;

  @ApiProperty({ type: SanctionChangesDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SanctionChangesDto)
  changes!: SanctionChangesDto;
}

export class ReviewCorrectionTargetDto {
  @ApiProperty({ enum: ['review'] })
  @IsIn(['review'])
  kind!: 'review';

  @ApiProperty({ format: 'uuid', example: '0190c7a2-5b1e-7c3d-9f00-1a2b3c4d5e6f', description: 'The reviewed sanction' })
  @IsUUID('all')
  sanctionId!: string;

  @ApiProperty({ type: ReviewChangesDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ReviewChangesDto)
  changes!: ReviewChangesDto;
}

export type CorrectionTargetDto = CaseCorrectionTargetDto | SanctionCorrectionTargetDto | ReviewCorrectionTargetDto;

/** The class a correction's target is validated as, by its `kind`; anything else reports only the kind. */
function correctionTargetClass(target: unknown): new () => object {
  const kind = target !== null && typeof target === 'object' && !Array.isArray(target) ? (target as { kind?: unknown }).kind : undefined;
  if (kind === 'case') return CaseCorrectionTargetDto;
  if (kind === 'sanction') return SanctionCorrectionTargetDto;
  if (kind === 'review') return ReviewCorrectionTargetDto;
  return UnknownCorrectionTargetDto;
}

/**
 * A correction, discriminated on `target.kind`: each kind admits only its own fields. Whether the
 * named event states the fact, and whether the corrected facts obey the rules, is the decider's.
 */
@ApiExtraModels(CaseCorrectionTargetDto, SanctionCorrectionTargetDto, ReviewCorrectionTargetDto)
export class CorrectFactDto extends CommandBodyDto {
  @ApiProperty({ format: 'uuid', example: '0190c7a2-5b1e-7c3d-9f00-1a2b3c4d5e70', description: 'The stored event whose fact was wrong' })
  @IsUUID('all')
  correctsEventId!: string;

  @ApiProperty({
    oneOf: [
      { $ref: getSchemaPath(CaseCorrectionTargetDto) },
      { $ref: getSchemaPath(SanctionCorrectionTargetDto) },
      { $ref: getSchemaPath(ReviewCorrectionTargetDto) },
    ],
    discriminator: {
      propertyName: 'kind',
      mapping: {
        case: getSchemaPath(CaseCorrectionTargetDto),
        sanction: getSchemaPath(SanctionCorrectionTargetDto),
        review: getSchemaPath(ReviewCorrectionTargetDto),
      },
    },
  })
  @IsObject()
  @ValidateNested()
  // Chosen here rather than by class-transformer's `discriminator`, which reads `kind` of every item
  // of an array without a null check: `"target": [null]` answered 500.
  @Type((options) => correctionTargetClass((options?.object as { target?: unknown } | undefined)?.target))
  target!: CorrectionTargetDto;

  @ApiProperty({ example: 'The amount was keyed in wrongly', description: 'Why the fact is corrected' })
  @IsString()
  @MaxLength(2000)
  reason!: string;
}
