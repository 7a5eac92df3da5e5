import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AddProtocolNoteCommand,
  CastVoteCommand,
  DemandReferralCommand,
  GetCommitteeItemQuery,
  LinkItemCommand,
  MakeRecommendationCommand,
  OpenItemCommand,
  RecordAttendanceCommand,
  RecordDecisionCommand,
  ScheduleReferralCommand,
  type AggregateView,
  type CommitteeItemEvent,
  type CommitteeItemState,
} from '@casetrail/case-management';
import type { CommandResult } from '@casetrail/event-store';
import { CurrentUser, uuidv7, type AuthenticatedUser } from '@casetrail/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiCommandResponses, ApiReadResponses } from '../http/api-docs';
import { commandResponse, type CommandResponse } from '../http/command-response';
import { ParseIdPipe } from '../http/id.pipe';
import { commandContext, ifMatchRevision } from '../http/request-context';
import { committeeItemFor, type CommitteeItemReading } from './committee-item.visibility';
import { AddProtocolNoteDto } from './dto/add-protocol-note.dto';
import { CastVoteDto } from './dto/cast-vote.dto';
import { DemandReferralDto } from './dto/demand-referral.dto';
import { LinkItemDto } from './dto/link-item.dto';
import { MakeRecommendationDto } from './dto/make-recommendation.dto';
import { OpenItemDto } from './dto/open-item.dto';
import { RecordAttendanceDto } from './dto/record-attendance.dto';
import { RecordDecisionDto } from './dto/record-decision.dto';
import { ScheduleReferralDto } from './dto/schedule-referral.dto';

/** Committee agenda items (dagsordenspunkter): one route per command, and the item as it stands. */
@ApiTags('committee items')
@ApiBearerAuth()
@Controller('committee-items')
export class CommitteeItemsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Open an agenda item under a new stable id' })
  @ApiCommandResponses({ created: true })
  async openItem(@Body() body: OpenItemDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<CommandResponse> {
    const itemId = uuidv7();
    const { caseNumber, committee, meetingDate, itemNumber, title, closed } = body;
    const command = new OpenItemCommand(
      itemId,
      { caseNumber, committee: { id: committee.id, name: committee.name, memberCount: committee.memberCount }, meetingDate, itemNumber, title, closed },
      commandContext(request, body.effectiveAt),
    );
    const result = await this.commands.execute<OpenItemCommand, CommandResult<CommitteeItemEvent>>(command);
    return commandResponse(reply, result, { itemId }, `/committee-items/${itemId}`);
  }

  @Post(':itemId/recommendation')
  @HttpCode(200)
  @ApiOperation({ summary: "Record the administration's recommendation (indstilling)" })
  @ApiCommandResponses()
  async makeRecommendation(
    @Param('itemId', ParseIdPipe) itemId: string,
    @Body() body: MakeRecommendationDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const payload = { originators: body.originators, addressee: body.addressee, points: body.points.map(({ number, text }) => ({ number, text })), kind: body.kind };
    const command = new MakeRecommendationCommand(itemId, payload, commandContext(request, body.effectiveAt), ifMatchRevision(request));
    const result = await this.commands.execute<MakeRecommendationCommand, CommandResult<CommitteeItemEvent>>(command);
    return commandResponse(reply, result, { itemId });
  }

  @Post(':itemId/attendance')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record who attended this item, with notices of absence and substitutes' })
  @ApiCommandResponses()
  async recordAttendance(
    @Param('itemId', ParseIdPipe) itemId: string,
    @Body() body: RecordAttendanceDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const entries = body.entries.map(({ memberId, status, absenceNotice, substituteMemberId }) => ({ memberId, status, absenceNotice, substituteMemberId }));
    const command = new RecordAttendanceCommand(itemId, { entries }, commandContext(request, body.effectiveAt), ifMatchRevision(request));
    const result = await this.commands.execute<RecordAttendanceCommand, CommandResult<CommitteeItemEvent>>(command);
    return commandResponse(reply, result, { itemId });
  }

  @Post(':itemId/votes')
  @HttpCode(200)
  @ApiOperation({ summary: "A present member's vote; the party on the meeting date comes from the member's record" })
  @ApiCommandResponses()
  async castVote(
    @Param('itemId', ParseIdPipe) itemId: string,
    @Body() body: CastVoteDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const payload = { memberId: body.memberId, memberName: body.memberName, vote: body.vote };
    const command = new CastVoteCommand(itemId, payload, commandContext(request, body.effectiveAt), ifMatchRevision(request));
    const result = await this.commands.execute<CastVoteCommand, CommandResult<CommitteeItemEvent>>(command);
    return commandResponse(reply, result, { itemId });
  }

  @Post(':itemId/protocol-notes')
  @HttpCode(200)
  @ApiOperation({ summary: 'A protocol note (protokollat) belonging to one or more present members' })
  @ApiCommandResponses()
  async addProtocolNote(
    @Param('itemId', ParseIdPipe) itemId: string,
    @Body() body: AddProtocolNoteDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const command = new AddProtocolNoteCommand(itemId, { text: body.text, memberIds: body.memberIds }, commandContext(request, body.effectiveAt), ifMatchRevision(request));
    const result = await this.commands.execute<AddProtocolNoteCommand, CommandResult<CommitteeItemEvent>>(command);
    return commandResponse(reply, result, { itemId });
  }

  @Post(':itemId/decision')
  @HttpCode(200)
  @ApiOperation({ summary: "The committee's decision: an outcome, the verbatim text and any amendments" })
  @ApiCommandResponses()
  async recordDecision(
    @Param('itemId', ParseIdPipe) itemId: string,
    @Body() body: RecordDecisionDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const payload = { outcome: body.outcome, text: body.text, amendments: body.amendments };
    const command = new RecordDecisionCommand(itemId, payload, commandContext(request, body.effectiveAt), ifMatchRevision(request));
    const result = await this.commands.execute<RecordDecisionCommand, CommandResult<CommitteeItemEvent>>(command);
    return commandResponse(reply, result, { itemId });
  }

  @Post(':itemId/referral-demands')
  @HttpCode(200)
  @ApiOperation({ summary: 'A present member demands that the item go to the city council: it becomes referred, not final' })
  @ApiCommandResponses()
  async demandReferral(
    @Param('itemId', ParseIdPipe) itemId: string,
    @Body() body: DemandReferralDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const command = new DemandReferralCommand(itemId, { memberId: body.memberId }, commandContext(request, body.effectiveAt), ifMatchRevision(request));
    const result = await this.commands.execute<DemandReferralCommand, CommandResult<CommitteeItemEvent>>(command);
    return commandResponse(reply, result, { itemId });
  }

  @Post(':itemId/referrals')
  @HttpCode(200)
  @ApiOperation({ summary: 'The next body to take the decided item, and its meeting date' })
  @ApiCommandResponses()
  async scheduleReferral(
    @Param('itemId', ParseIdPipe) itemId: string,
    @Body() body: ScheduleReferralDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const command = new ScheduleReferralCommand(itemId, { body: body.body, date: body.date }, commandContext(request, body.effectiveAt), ifMatchRevision(request));
    const result = await this.commands.execute<ScheduleReferralCommand, CommandResult<CommitteeItemEvent>>(command);
    return commandResponse(reply, result, { itemId });
  }

  @Post(':itemId/links')
  @HttpCode(200)
  @ApiOperation({ summary: 'Relate the item to another by its stable id' })
  @ApiCommandResponses()
  async linkItem(
    @Param('itemId', ParseIdPipe) itemId: string,
    @Body() body: LinkItemDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const payload = { linkedItemId: body.linkedItemId, relation: body.relation };
    const command = new LinkItemCommand(itemId, payload, commandContext(request, body.effectiveAt), ifMatchRevision(request));
    const result = await this.commands.execute<LinkItemCommand, CommandResult<CommitteeItemEvent>>(command);
    return commandResponse(reply, result, { itemId });
  }

  @Get(':itemId')
  @ApiOperation({
    summary: 'The item folded from its events, with its vote tally; ETag is its revision',
    description: 'A closed item (lukket punkt) shows its content to committee-secretary, auditor and admin only; other roles get { itemId, closed, committee, meetingDate, itemNumber, revision }.',
  })
  @ApiReadResponses()
  async getItem(
    @Param('itemId', ParseIdPipe) itemId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommitteeItemReading> {
    const view = await this.queries.execute<GetCommitteeItemQuery, AggregateView<CommitteeItemState>>(new GetCommitteeItemQuery(itemId));
    void reply.header('ETag', `"${view.revision}"`);
    return committeeItemFor(view, user.roles);
  }
}
