import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CloseCaseCommand,
  CorrectFactCommand,
  DecideAppealCommand,
  GetCitizenCaseQuery,
  IdentifyCitizenCommand,
  ImposeSanctionCommand,
  LodgeAppealCommand,
  OpenCaseCommand,
  ReopenCaseCommand,
  ReviewSanctionCommand,
  type AggregateView,
  type CitizenCaseEvent,
  type CitizenCaseState,
} from '@casetrail/case-management';
import type { CommandResult } from '@casetrail/event-store';
import { PERSONAL_DATA_VAULT, parseCprNumber, type PersonalDataVault } from '@casetrail/personal-data';
import { uuidv7 } from '@casetrail/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RecordsCitizenAccess } from '../access-log/records-citizen-access.decorator';
import { ApiCommandResponses, ApiReadResponses } from '../http/api-docs';
import { commandContext, ifMatchRevision } from '../http/request-context';
import { commandResponse, type CommandResponse } from '../http/command-response';
import { ParseIdPipe } from '../http/id.pipe';
import { CloseCaseDto } from './dto/close-case.dto';
import { CorrectFactDto } from './dto/correct-fact.dto';
import { DecideAppealDto } from './dto/decide-appeal.dto';
import { IdentifyCitizenDto } from './dto/identify-citizen.dto';
import { ImposeSanctionDto } from './dto/impose-sanction.dto';
import { LodgeAppealDto } from './dto/lodge-appeal.dto';
import { OpenCaseDto } from './dto/open-case.dto';
import { ReopenCaseDto } from './dto/reopen-case.dto';
import { ReviewSanctionDto } from './dto/review-sanction.dto';

const IF_MATCH = { name: 'If-Match', required: false, description: 'The revision (ETag) the change is based on' };

/** Citizen cases (borgersager): one route per command, and the case's current state. Repayments have their own controller. */
@ApiTags('citizen cases')
@ApiBearerAuth()
@Controller('citizen-cases')
export class CitizenCasesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Open a citizen case; the CPR number goes to the vault, the case gets a pseudonymous reference' })
  @ApiCommandResponses({ created: true })
  async openCase(@Body() body: OpenCaseDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<CommandResponse> {
    const { citizenRef } = await this.vault.registerCitizen(parseCprNumber(body.cpr));
    const caseId = uuidv7();
    const command = new OpenCaseCommand(
      caseId,
      { caseNumber: body.caseNumber, citizenRef, legalArea: body.legalArea, owningUnit: body.owningUnit, openedOn: body.openedOn },
      commandContext(request, body.effectiveAt),
    );
    const result = await this.commands.execute<OpenCaseCommand, CommandResult<CitizenCaseEvent>>(command);
    return commandResponse(reply, result, { caseId }, `/citizen-cases/${caseId}`);
  }

  @Get(':caseId')
  @ApiOperation({ summary: "The case's current state, folded from its events; ETag is its revision" })
  @ApiReadResponses()
  @RecordsCitizenAccess({ caseIdParam: 'caseId' })
  async getCase(@Param('caseId', ParseIdPipe) caseId: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<AggregateView<CitizenCaseState>> {
    const view = await this.queries.execute<GetCitizenCaseQuery, AggregateView<CitizenCaseState>>(new GetCitizenCaseQuery(caseId));
    void reply.header('ETag', `"${view.revision}"`);
    return view;
  }

  @Post(':caseId/sanctions')
  @HttpCode(201)
  @ApiOperation({ summary: 'Impose a sanction; its legal basis follows from its type in the catalogue' })
  @ApiCommandResponses({ created: true })
  @ApiHeader(IF_MATCH)
  async imposeSanction(
    @Param('caseId', ParseIdPipe) caseId: string,
    @Body() body: ImposeSanctionDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const sanctionId = uuidv7();
    const { sanctionType, breachDate, period, amountDeductedOre, decidedOn } = body;
    const command = new ImposeSanctionCommand(
      caseId,
      { sanctionId, sanctionType, breachDate, period: { from: period.from, to: period.to }, amountDeductedOre, decidedOn },
      commandContext(request, body.effectiveAt),
      ifMatchRevision(request),
    );
    return commandResponse(reply, await this.execute(command), { sanctionId });
  }

  @Post(':caseId/discoveries')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record how the citizen was found in a review; a source already recorded changes nothing' })
  @ApiCommandResponses()
  async identifyCitizen(
    @Param('caseId', ParseIdPipe) caseId: string,
    @Body() body: IdentifyCitizenDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const payload = { source: body.source, identifiedOn: body.identifiedOn, note: body.note };
    const command = new IdentifyCitizenCommand(caseId, payload, commandContext(request, body.effectiveAt), ifMatchRevision(request));
    return commandResponse(reply, await this.execute(command));
  }

  @Post(':caseId/sanctions/:sanctionId/reviews')
  @HttpCode(200)
  @ApiOperation({ summary: 'Review a sanction decision: correct, or in error with the categories of error' })
  @ApiCommandResponses()
  async reviewSanction(
    @Param('caseId', ParseIdPipe) caseId: string,
    @Param('sanctionId', ParseIdPipe) sanctionId: string,
    @Body() body: ReviewSanctionDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const { outcome, errorCategories, wouldChangeOnAppeal, reviewer, reviewedOn } = body;
    const command = new ReviewSanctionCommand(
      caseId,
      { sanctionId, outcome, errorCategories, wouldChangeOnAppeal, reviewer, reviewedOn },
      commandContext(request, body.effectiveAt),
      ifMatchRevision(request),
    );
    return commandResponse(reply, await this.execute(command));
  }

  @Post(':caseId/appeals')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record an appeal to Ankestyrelsen against sanctions (or another decision) in the case' })
  @ApiCommandResponses({ created: true })
  @ApiHeader(IF_MATCH)
  async lodgeAppeal(
    @Param('caseId', ParseIdPipe) caseId: string,
    @Body() body: LodgeAppealDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const appealId = uuidv7();
    const payload = { appealId, sanctionIds: body.sanctionIds, lodgedOn: body.lodgedOn };
    const command = new LodgeAppealCommand(caseId, payload, commandContext(request, body.effectiveAt), ifMatchRevision(request));
    return commandResponse(reply, await this.execute(command), { appealId });
  }

  @Post(':caseId/appeals/:appealId/decision')
  @HttpCode(200)
  @ApiOperation({ summary: "Record Ankestyrelsen's decision on an appeal" })
  @ApiCommandResponses()
  async decideAppeal(
    @Param('caseId', ParseIdPipe) caseId: string,
    @Param('appealId', ParseIdPipe) appealId: string,
    @Body() body: DecideAppealDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const payload = { appealId, outcome: body.outcome, decidedOn: body.decidedOn };
    const command = new DecideAppealCommand(caseId, payload, commandContext(request, body.effectiveAt), ifMatchRevision(request));
    return commandResponse(reply, await this.execute(command));
  }

  @Post(':caseId/closure')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close the case with a reason' })
  @ApiCommandResponses()
  async closeCase(
    @Param('caseId', ParseIdPipe) caseId: string,
    @Body() body: CloseCaseDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const payload = { reason: body.reason, closedOn: body.closedOn };
    const command = new CloseCaseCommand(caseId, payload, commandContext(request, body.effectiveAt), ifMatchRevision(request));
    return commandResponse(reply, await this.execute(command));
  }

  @Post(':caseId/reopening')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reopen a closed case, saying why' })
  @ApiCommandResponses()
  async reopenCase(
    @Param('caseId', ParseIdPipe) caseId: string,
    @Body() body: ReopenCaseDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const payload = { reason: body.reason, reopenedOn: body.reopenedOn };
    const command = new ReopenCaseCommand(caseId, payload, commandContext(request, body.effectiveAt), ifMatchRevision(request));
    return commandResponse(reply, await this.execute(command));
  }

  @Post(':caseId/corrections')
  @HttpCode(200)
  @ApiOperation({ summary: 'Correct a wrong fact of the case, a sanction or a review by a new event naming the one it corrects' })
  @ApiCommandResponses()
  async correctFact(
    @Param('caseId', ParseIdPipe) caseId: string,
    @Body() body: CorrectFactDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const payload = { correctsEventId: body.correctsEventId, target: body.target, reason: body.reason };
    const command = new CorrectFactCommand(caseId, payload, commandContext(request, body.effectiveAt), ifMatchRevision(request));
    return commandResponse(reply, await this.execute(command));
  }

  private execute(command: object): Promise<CommandResult<CitizenCaseEvent>> {
    return this.commands.execute<object, CommandResult<CitizenCaseEvent>>(command);
  }
}
