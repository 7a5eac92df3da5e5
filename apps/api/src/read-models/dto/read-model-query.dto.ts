import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@casetrail/case-read-models';
import { POSITION_PATTERN } from '../read-your-writes/caught-up.decorator';

/** What every read-model query may carry. */
export class ReadModelQueryDto {
  @ApiPropertyOptional({
    example: '13835058055282163713',
    description:
      'Read-your-writes: the `position` a write returned. The answer waits (at most 5 s, READ_YOUR_WRITES_TIMEOUT_MS) until the read models this route reads have applied the log through it; then 503 READ_MODEL.NOT_YET_CAUGHT_UP with Retry-After.',
  })
  @IsOptional()
  @Matches(POSITION_PATTERN, { message: 'minPosition must be a global position as a write returned it (decimal digits)' })
  minPosition?: string;
}

/** Paging: `page` is 1-based; the answer is `{ items, page, pageSize, total }` in the route's documented order. */
export class PagedQueryDto extends ReadModelQueryDto {
  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: 1_000_000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page: number = 1;

  @ApiPropertyOptional({ default: DEFAULT_PAGE_SIZE, minimum: 1, maximum: MAX_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize: number = DEFAULT_PAGE_SIZE;
}
