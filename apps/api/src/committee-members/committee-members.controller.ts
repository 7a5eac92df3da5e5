import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AddAliasCommand,
  GetCommitteeMemberQuery,
  RecordPartyMembershipCommand,
  RegisterMemberCommand,
  type AggregateView,
  type CommitteeMemberEvent,
  type CommitteeMemberState,
} from '@casetrail/case-management';
import type { CommandResult } from '@casetrail/event-store';
import { uuidv7 } from '@casetrail/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiCommandResponses, ApiReadResponses } from '../http/api-docs';
import { commandResponse, type CommandResponse } from '../http/command-response';
import { ParseIdPipe } from '../http/id.pipe';
import { commandContext, ifMatchRevision } from '../http/request-context';
import { AddAliasDto } from './dto/add-alias.dto';
import { RecordPartyMembershipDto } from './dto/record-party-membership.dto';
import { RegisterMemberDto } from './dto/register-member.dto';

/** Committee members: stable ids across electoral terms, aliases, and party membership over time. */
@ApiTags('committee members')
@ApiBearerAuth()
@Controller('committee-members')
export class CommitteeMembersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Register a committee member under a new stable id' })
  @ApiCommandResponses({ created: true })
  async registerMember(@Body() body: RegisterMemberDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<CommandResponse> {
    const memberId = uuidv7();
    const command = new RegisterMemberCommand(memberId, { name: body.name, aliases: body.aliases }, commandContext(request, body.effectiveAt));
    const result = await this.commands.execute<RegisterMemberCommand, CommandResult<CommitteeMemberEvent>>(command);
    return commandResponse(reply, result, { memberId }, `/committee-members/${memberId}`);
  }

  @Post(':memberId/aliases')
  @HttpCode(200)
  @ApiOperation({ summary: 'Add another spelling of the member\'s name; a known spelling changes nothing' })
  @ApiCommandResponses()
  async addAlias(
    @Param('memberId', ParseIdPipe) memberId: string,
    @Body() body: AddAliasDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const command = new AddAliasCommand(memberId, { alias: body.alias }, commandContext(request, body.effectiveAt), ifMatchRevision(request));
    const result = await this.commands.execute<AddAliasCommand, CommandResult<CommitteeMemberEvent>>(command);
    return commandResponse(reply, result, { memberId });
  }

  @Post(':memberId/party-memberships')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the member\'s party (or none) over a date range' })
  @ApiCommandResponses()
  async recordPartyMembership(
    @Param('memberId', ParseIdPipe) memberId: string,
    @Body() body: RecordPartyMembershipDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const command = new RecordPartyMembershipCommand(
      memberId,
      { party: body.party, from: body.from, to: body.to },
      commandContext(request, body.effectiveAt),
      ifMatchRevision(request),
    );
    const result = await this.commands.execute<RecordPartyMembershipCommand, CommandResult<CommitteeMemberEvent>>(command);
    return commandResponse(reply, result, { memberId });
  }

  @Get(':memberId')
  @ApiOperation({ summary: 'The member: name, aliases and party periods; ETag is its revision' })
  @ApiReadResponses()
  async getMember(@Param('memberId', ParseIdPipe) memberId: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<AggregateView<CommitteeMemberState>> {
    const view = await this.queries.execute<GetCommitteeMemberQuery, AggregateView<CommitteeMemberState>>(new GetCommitteeMemberQuery(memberId));
    void reply.header('ETag', `"${view.revision}"`);
    return view;
  }
}
