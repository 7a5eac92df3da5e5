import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const DEFAULT_ACCESS_LOG_PAGE_SIZE = 50;
export const MAX_ACCESS_LOG_PAGE_SIZE = 500;

/** Paging: `page` is 1-based; the answer is `{ items, page, pageSize, total }`, newest first. */
export class AccessLogQueryDto {
  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: 1_000_000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page: number = 1;

  @ApiPropertyOptional({ default: DEFAULT_ACCESS_LOG_PAGE_SIZE, minimum: 1, maximum: MAX_ACCESS_LOG_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ACCESS_LOG_PAGE_SIZE)
  pageSize: number = DEFAULT_ACCESS_LOG_PAGE_SIZE;
}
