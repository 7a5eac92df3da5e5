import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GetInquiryQuery, ReceiveInquiryCommand, type AggregateView, type InquiryEvent, type InquiryState } from '@casetrail/case-management';
import type { CommandResult } from '@casetrail/event-store';
import { Roles, uuidv7 } from '@casetrail/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiCommandResponses, ApiReadResponses } from '../http/api-docs';
import { commandResponse, type CommandResponse } from '../http/command-response';
import { ParseIdPipe } from '../http/id.pipe';
import { commandContext } from '../http/request-context';
import { ReceiveInquiryDto } from './dto/receive-inquiry.dto';

/** Inquiries from Ankestyrelsen and other authorities: received, then answered. */
@ApiTags('inquiries')
@ApiBearerAuth()
@Controller('inquiries')
export class InquiriesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('appeals-liaison', 'admin')
  @ApiOperation({ summary: 'Record an inquiry received: the question, its scope and the deadline' })
  @ApiCommandResponses({ created: true })
  async receiveInquiry(@Body() body: ReceiveInquiryDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<CommandResponse> {
    const inquiryId = uuidv7();
    const { scope } = body;
    const payload = {
      from: body.from,
      question: body.question,
      scope: {
        legalArea: scope.legalArea,
        sanctionTypes: scope.sanctionTypes,
        period: scope.period ? { from: scope.period.from, to: scope.period.to } : undefined,
      },
      deadline: body.deadline,
      receivedOn: body.receivedOn,
    };
    const command = new ReceiveInquiryCommand(inquiryId, payload, commandContext(request, body.effectiveAt));
    const result = await this.commands.execute<ReceiveInquiryCommand, CommandResult<InquiryEvent>>(command);
    return commandResponse(reply, result, { inquiryId }, `/inquiries/${inquiryId}`);
  }

  @Get(':inquiryId')
  @Roles('appeals-liaison', 'auditor', 'admin')
  @ApiOperation({ summary: 'The inquiry as received; ETag is its revision' })
  @ApiReadResponses()
  async getInquiry(@Param('inquiryId', ParseIdPipe) inquiryId: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<AggregateView<InquiryState>> {
    const view = await this.queries.execute<GetInquiryQuery, AggregateView<InquiryState>>(new GetInquiryQuery(inquiryId));
    void reply.header('ETag', `"${view.revision}"`);
    return view;
  }
}
