import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AssessRepaymentCommand, IssueRepaymentCommand, ScheduleRepaymentCommand, type CitizenCaseEvent } from '@casetrail/case-management';
import type { CommandResult } from '@casetrail/event-store';
import { uuidv7 } from '@casetrail/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiCommandResponses } from '../http/api-docs';
import { commandContext, ifMatchRevision } from '../http/request-context';
import { commandResponse, type CommandResponse } from '../http/command-response';
import { ParseIdPipe } from '../http/id.pipe';
import { AssessRepaymentDto } from './dto/assess-repayment.dto';
import { IssueRepaymentDto } from './dto/issue-repayment.dto';
import { ScheduleRepaymentDto } from './dto/schedule-repayment.dto';

/** Repayments of sanctions found in error: assessed, then (optionally) scheduled, then issued. */
@ApiTags('citizen cases')
@ApiBearerAuth()
@Controller('citizen-cases/:caseId/repayments')
export class CitizenCaseRepaymentsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Assess a repayment of sanctions found in error, at most what they deducted' })
  @ApiCommandResponses({ created: true })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The revision (ETag) the change is based on' })
  async assessRepayment(
    @Param('caseId', ParseIdPipe) caseId: string,
    @Body() body: AssessRepaymentDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const repaymentId = uuidv7();
    const payload = { repaymentId, sanctionIds: body.sanctionIds, amountOre: body.amountOre, assessedOn: body.assessedOn };
    const command = new AssessRepaymentCommand(caseId, payload, commandContext(request, body.effectiveAt), ifMatchRevision(request));
    return commandResponse(reply, await this.execute(command), { repaymentId });
  }

  @Post(':repaymentId/schedule')
  @HttpCode(200)
  @ApiOperation({ summary: 'Schedule an assessed repayment for payment' })
  @ApiCommandResponses()
  async scheduleRepayment(
    @Param('caseId', ParseIdPipe) caseId: string,
    @Param('repaymentId', ParseIdPipe) repaymentId: string,
    @Body() body: ScheduleRepaymentDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const payload = { repaymentId, scheduledFor: body.scheduledFor };
    const command = new ScheduleRepaymentCommand(caseId, payload, commandContext(request, body.effectiveAt), ifMatchRevision(request));
    return commandResponse(reply, await this.execute(command));
  }

  @Post(':repaymentId/issue')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record that an assessed repayment was paid out' })
  @ApiCommandResponses()
  async issueRepayment(
    @Param('caseId', ParseIdPipe) caseId: string,
    @Param('repaymentId', ParseIdPipe) repaymentId: string,
    @Body() body: IssueRepaymentDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const payload = { repaymentId, issuedOn: body.issuedOn };
    const command = new IssueRepaymentCommand(caseId, payload, commandContext(request, body.effectiveAt), ifMatchRevision(request));
    return commandResponse(reply, await this.execute(command));
  }

  private execute(command: object): Promise<CommandResult<CitizenCaseEvent>> {
    return this.commands.execute<object, CommandResult<CitizenCaseEvent>>(command);
  }
}
