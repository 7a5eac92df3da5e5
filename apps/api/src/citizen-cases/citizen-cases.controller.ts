import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  GetCitizenCaseQuery,
  OpenCaseCommand,
  type AggregateView,
  type CitizenCaseEvent,
  type CitizenCaseState,
} from '@casetrail/case-management';
import type { CommandResult } from '@casetrail/event-store';
import { PERSONAL_DATA_VAULT, parseCprNumber, type PersonalDataVault } from '@casetrail/personal-data';
import { Roles, uuidv7 } from '@casetrail/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiCommandResponses, ApiReadResponses } from '../http/api-docs';
import { commandContext } from '../http/request-context';
import { commandResponse, type CommandResponse } from '../http/command-response';
import { ParseIdPipe } from '../http/id.pipe';
import { OpenCaseDto } from './dto/open-case.dto';

/** Citizen cases (borgersager): one route per command, and the case's current state. */
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
  @Roles('caseworker', 'admin')
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
  @Roles('caseworker', 'auditor', 'appeals-liaison', 'admin')
  @ApiOperation({ summary: "The case's current state, folded from its events; ETag is its revision" })
  @ApiReadResponses()
  async getCase(@Param('caseId', ParseIdPipe) caseId: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<AggregateView<CitizenCaseState>> {
    const view = await this.queries.execute<GetCitizenCaseQuery, AggregateView<CitizenCaseState>>(new GetCitizenCaseQuery(caseId));
    void reply.header('ETag', `"${view.revision}"`);
    return view;
  }
}
