import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsObject, IsString, Length, ValidateNested } from 'class-validator';
import { RECOMMENDATION_KINDS, type RecommendationKind } from '@casetrail/case-management';
import { CommandBodyDto } from '../../http/command-body.dto';

export class RecommendationPointDto {
  @ApiProperty({ example: 1, description: 'Points are numbered 1, 2, 3 … in order' })
  @IsInt()
  number!: number;

  @ApiProperty({ example: 'at orienteringen tiltrædes' })
  @IsString()
  @Length(1, 4000)
  text!: string;
}

export class MakeRecommendationDto extends CommandBodyDto {
  @ApiProperty({ example: ['Jobcenter'], type: [String], description: 'The recommending unit(s)' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  originators!: string[];

  @ApiProperty({ example: 'Beskæftigelsesudvalget', description: 'The body addressed' })
  @IsString()
  @Length(1, 200)
  addressee!: string;

  @ApiProperty({ type: [RecommendationPointDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => RecommendationPointDto)
  points!: RecommendationPointDto[];

  @ApiProperty({ enum: RECOMMENDATION_KINDS, example: 'DECISION' })
  @IsIn(RECOMMENDATION_KINDS)
  kind!: RecommendationKind;
}
