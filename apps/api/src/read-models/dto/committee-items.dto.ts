import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Length } from 'class-validator';
import { DateFilter } from './date-filter';
import { PagedQueryDto, ReadModelQueryDto } from './read-model-query.dto';

export class ListCommitteeItemsDto extends PagedQueryDto {
  @ApiPropertyOptional({ example: 'beskaeftigelsesudvalget', description: "The committee's stable id" })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  committeeId?: string;

  @DateFilter('Meeting on')
  meetingDate?: string;
}

export class MeetingParamsDto {
  @ApiProperty({ example: 'beskaeftigelsesudvalget', description: "The committee's stable id" })
  @IsString()
  @Length(1, 100)
  committeeId!: string;

  @ApiProperty({ example: '2025-01-14', description: 'yyyy-mm-dd' })
  @IsISO8601({ strict: true }, { message: 'meetingDate must be a date, yyyy-mm-dd' })
  @Length(10, 10, { message: 'meetingDate must be a date, yyyy-mm-dd' })
  meetingDate!: string;
}

export const MINUTES_FORMATS = ['text', 'json'] as const;

export class MeetingMinutesDto extends ReadModelQueryDto {
  @ApiPropertyOptional({ enum: MINUTES_FORMATS, default: 'text', description: 'text: text/plain Danish minutes; json: the items and the text' })
  @IsOptional()
  @IsIn(MINUTES_FORMATS)
  format: (typeof MINUTES_FORMATS)[number] = 'text';
}
