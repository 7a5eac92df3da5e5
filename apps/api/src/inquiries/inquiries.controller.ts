import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  AnswerInquiryCommand,
  DraftAnswerCommand,
  GetInquiryAnswerQuery,
  GetInquiryQuery,
  ReceiveInquiryCommand,
  type AggregateView,
  type InquiryAnswer,
  type InquiryEvent,
  type InquiryState,
} from '@casetrail/case-management';
import {
  GetSanctionReviewQuery,
  ReproduceReportQuery,
  reportDigest,
  sanctionReviewCsv,
  toAnswerReport,
  type ReproducedReport,
  type SanctionReviewReport,
} from '@casetrail/case-read-models';
import type { CommandResult } from '@casetrail/event-store';
import { uuidv7 } from '@casetrail/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiCommandResponses, ApiReadResponses } from '../http/api-docs';
import { commandResponse, type CommandResponse } from '../http/command-response';
import { ParseIdPipe } from '../http/id.pipe';
import { commandContext, ifMatchRevision } from '../http/request-context';
import { ReportFormatDto } from '../reports/dto/report-format.dto';
import { reportResponse } from '../reports/report-response';
import { AnswerInquiryDto } from './dto/answer-inquiry.dto';
import { DraftAnswerDto } from './dto/draft-answer.dto';
import { ReceiveInquiryDto } from './dto/receive-inquiry.dto';

/**
 * Inquiries from Ankestyrelsen and other authorities: received, an answer drafted (a sanction review
 * report computed at a log position and a recorded-time cutoff), answered once; the answer's report
 * can be recomputed at any later time and is the same, byte for byte.
 */
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

  @Post(':inquiryId/answer-drafts')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Draft an answer: computes the sanction review report with these parameters (as GET /reports/sanction-review) and stores it with its position and cutoff',
  })
  @ApiCommandResponses({ created: true })
  async draftAnswer(
    @Param('inquiryId', ParseIdPipe) inquiryId: string,
    @Body() body: DraftAnswerDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const { sanctionTypes, breachFrom, breachTo, knownOn, position } = body;
    const report = await this.queries.execute<GetSanctionReviewQuery, SanctionReviewReport>(
      new GetSanctionReviewQuery({ sanctionTypes, breachFrom, breachTo, knownOn, position, includeCitizens: false }, request.receivedAt),
    );
    const draftId = uuidv7();
    const payload = { draftId, report: toAnswerReport(report), note: body.note, draftedOn: body.draftedOn };
    const command = new DraftAnswerCommand(inquiryId, payload, commandContext(request, body.effectiveAt), ifMatchRevision(request));
    const result = await this.commands.execute<DraftAnswerCommand, CommandResult<InquiryEvent>>(command);
    const { basis } = report.header;
    return {
      ...commandResponse(reply, result, { draftId }, `/inquiries/${inquiryId}`),
      report: { position: basis.position, recordedCutoff: basis.recordedCutoff, digest: reportDigest(report) },
    };
  }

  @Post(':inquiryId/answer')
  @HttpCode(200)
  @ApiOperation({ summary: "Answer the inquiry with a drafted report, once; optionally name the committee item whose final decision approved it" })
  @ApiCommandResponses()
  async answerInquiry(
    @Param('inquiryId', ParseIdPipe) inquiryId: string,
    @Body() body: AnswerInquiryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const payload = { draftId: body.draftId.toLowerCase(), committeeItemId: body.committeeItemId?.toLowerCase(), answeredOn: body.answeredOn };
    const command = new AnswerInquiryCommand(inquiryId, payload, commandContext(request, body.effectiveAt), ifMatchRevision(request));
    const result = await this.commands.execute<AnswerInquiryCommand, CommandResult<InquiryEvent>>(command);
    return commandResponse(reply, result, {}, `/inquiries/${inquiryId}`);
  }

  @Get(':inquiryId/answer/report')
  @ApiOperation({
    summary:
      "The answer's report recomputed from the events with its stored parameters, position and cutoff: byte for byte the JSON that was sent (409 REPORT.NOT_REPRODUCED otherwise), or its CSV",
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: 'Canonical JSON equal to the stored report, or CSV; X-Report-Digest is the digest of the JSON' })
  @ApiReadResponses()
  async answerReport(
    @Param('inquiryId', ParseIdPipe) inquiryId: string,
    @Query() query: ReportFormatDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const answer = await this.queries.execute<GetInquiryAnswerQuery, InquiryAnswer>(new GetInquiryAnswerQuery(inquiryId));
    const reproduced = await this.queries.execute<ReproduceReportQuery, ReproducedReport>(new ReproduceReportQuery(answer.report));
    const report = reproduced.report as SanctionReviewReport;
    return reportResponse(reply, report, { format: query.format, locale: query.locale, csv: (locale) => sanctionReviewCsv(report, locale), filename: 'inquiry-answer' });
  }

  @Get(':inquiryId')
  @ApiOperation({ summary: 'The inquiry as received, its drafts and its answer; ETag is its revision' })
  @ApiReadResponses()
  async getInquiry(@Param('inquiryId', ParseIdPipe) inquiryId: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<AggregateView<InquiryState>> {
    const view = await this.queries.execute<GetInquiryQuery, AggregateView<InquiryState>>(new GetInquiryQuery(inquiryId));
    void reply.header('ETag', `"${view.revision}"`);
    return view;
  }
}
