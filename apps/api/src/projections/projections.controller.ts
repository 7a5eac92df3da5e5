import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  GetProjectionStatusQuery,
  ListParkedEventsQuery,
  RetryParkedEventsCommand,
  type ParkedEventView,
  type ProjectionStatus,
  type RetryOutcome,
} from '@casetrail/case-read-models';

const PROBLEM = { description: 'RFC 9457 problem document (application/problem+json) with a dotted `code`' };
const position = { type: 'string', pattern: '^\\d+$', description: 'Global position, a decimal string' };

/** For operators: where each projection stands, the events they parked, and a retry after a fix. */
@ApiTags('projections')
@ApiBearerAuth()
@Controller('projections')
export class ProjectionsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {}

  @Get()
  @ApiOperation({ summary: "Each projection's checkpoint, events applied, last move, lag in events and parked events" })
  @ApiOkResponse({
    description:
      'lag: events of the projection\'s streams in event_store.events after its checkpoint (exact: a position is (tx_id << 64) | seq); null when events live in EventStoreDB',
    schema: {
      type: 'object',
      properties: {
        items: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              name: { type: 'string' },
              position,
              eventsApplied: { type: 'integer' },
              updatedAt: { type: 'string', format: 'date-time', nullable: true },
              lag: { type: 'integer', nullable: true },
              parked: { type: 'integer' },
            },
          },
        },
      },
    },
  })
  @ApiResponse({ status: 401, ...PROBLEM })
  @ApiResponse({ status: 403, ...PROBLEM })
  async status(): Promise<{ items: ProjectionStatus[] }> {
    return { items: await this.queries.execute(new GetProjectionStatusQuery()) };
  }

  @Get('parked')
  @ApiOperation({ summary: 'Events a projection could not apply, oldest first; the projection waits at each until it is retried' })
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: {
        items: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              projection: { type: 'string' },
              position,
              eventId: { type: 'string', format: 'uuid' },
              eventType: { type: 'string' },
              streamName: { type: 'string' },
              error: { type: 'string' },
              parkedAt: { type: 'string', format: 'date-time' },
            },
          },
        },
      },
    },
  })
  @ApiResponse({ status: 401, ...PROBLEM })
  @ApiResponse({ status: 403, ...PROBLEM })
  async parked(): Promise<{ items: ParkedEventView[] }> {
    return { items: await this.queries.execute(new ListParkedEventsQuery()) };
  }

  @Post(':name/retry')
  @HttpCode(200)
  @ApiOperation({ summary: "Release the projection's parked events: the projector tries them again within seconds (and parks them again if they still fail)" })
  @ApiOkResponse({ schema: { type: 'object', properties: { projection: { type: 'string' }, released: { type: 'integer' } } } })
  @ApiResponse({ status: 401, ...PROBLEM })
  @ApiResponse({ status: 403, ...PROBLEM })
  @ApiResponse({ status: 404, ...PROBLEM, description: 'PROJECTION.NOT_FOUND' })
  retry(@Param('name') name: string): Promise<RetryOutcome> {
    return this.commands.execute(new RetryParkedEventsCommand(name));
  }
}
