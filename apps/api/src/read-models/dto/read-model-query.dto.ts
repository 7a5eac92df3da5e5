import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { PageQueryDto } from '../../http/page-query.dto';
import { POSITION_PATTERN } from '../read-your-writes/caught-up.decorator';

/** Read-your-writes: the `minPosition` a read-model query may carry. */
function MinPosition() {
  return applyDecorators(
    ApiPropertyOptional({
      example: '13835058055282163713',
      description:
        'Read-your-writes: the `position` a write returned. The answer waits (at most 5 s, READ_YOUR_WRITES_TIMEOUT_MS) until the read models this route reads have applied the log through it; then 503 READ_MODEL.NOT_YET_CAUGHT_UP with Retry-After.',
    }),
    IsOptional(),
    Matches(POSITION_PATTERN, { message: 'minPosition must be a global position as a write returned it (decimal digits)' }),
  );
}

/** What every read-model query may carry. */
export class ReadModelQueryDto {
  @MinPosition()
  minPosition?: string;
}

/** A paged read-model query, in the route's documented order. */
export class PagedQueryDto extends PageQueryDto {
  @MinPosition()
  minPosition?: string;
}
