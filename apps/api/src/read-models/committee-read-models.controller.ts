import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GetMeetingMinutesQuery, ListCommitteeItemsQuery, type Page } from '@casetrail/case-read-models';
import { CurrentUser, type AuthenticatedUser } from '@casetrail/platform';
import type { FastifyReply } from 'fastify';
import { committeeItemRowFor, mayReadContent } from '../committee-items/committee-item.visibility';
import { ListCommitteeItemsDto, MeetingMinutesDto, MeetingParamsDto } from './dto/committee-items.dto';
import { ApiMinutes, ApiPage, COMMITTEE_ITEM } from './read-model-docs';
import { CaughtUpWith } from './read-your-writes/caught-up.decorator';

type ItemReading = ReturnType<typeof committeeItemRowFor>;

/**
 * The committee read model: agenda items and a meeting's minutes. Every role sees that a closed item
 * (lukket punkt) exists; only cleared roles see its content (committee-item.visibility.ts).
 */
@ApiTags('read models')
@ApiBearerAuth()
@Controller('read-models')
export class CommitteeReadModelsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('committee-items')
  @ApiOperation({ summary: 'Agenda items by committee and meeting date; a closed item shows only its existence to uncleared roles (read_model.committee_minutes)' })
  @ApiPage(COMMITTEE_ITEM, 'meeting_date, committee_id, item_number, then item_id')
  async listItems(
    @Query() query: ListCommitteeItemsDto,
    @CurrentUser() user: AuthenticatedUser,
    @CaughtUpWith('committee-minutes') _caughtUp: void,
  ): Promise<Page<ItemReading>> {
    const { committeeId, meetingDate, page, pageSize } = query;
    const result = await this.queries.execute(new ListCommitteeItemsQuery({ committeeId, meetingDate }, { page, pageSize }));
    return { ...result, items: result.items.map((item) => committeeItemRowFor(item, user.roles)) };
  }

  @Get('committee-meetings/:committeeId/:meetingDate/minutes')
  @ApiOperation({ summary: 'The Danish minutes of a meeting in item order; a closed item is only "<n>. Lukket punkt" to uncleared roles' })
  @ApiMinutes()
  async minutes(
    @Param() params: MeetingParamsDto,
    @Query() query: MeetingMinutesDto,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CaughtUpWith('committee-minutes') _caughtUp: void,
  ): Promise<string | { committee: { id: string; name: string }; meetingDate: string; items: ItemReading[]; text: string }> {
    const omitClosedContent = !mayReadContent({ closed: true }, user.roles);
    const minutes = await this.queries.execute(new GetMeetingMinutesQuery(params.committeeId, params.meetingDate, { omitClosedContent }));
    if (query.format === 'json') {
      return { ...minutes, items: minutes.items.map((item) => committeeItemRowFor(item, user.roles)) };
    }
    void reply.header('Content-Type', 'text/plain; charset=utf-8');
    return minutes.text;
  }
}
