import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  GetComplaintStatisticsQuery,
  GetExtractReconciliationQuery,
  complaintStatisticsCsv,
  extractReconciliationCsv,
  reportDigest,
  reportJson,
  type ComplaintStatisticsReport,
  type ExtractReconciliationReport,
  type ReportLocale,
} from '@casetrail/case-read-models';
import type { FastifyReply } from 'fastify';
import { ApiReadResponses } from '../http/api-docs';
import { ParseIdPipe } from '../http/id.pipe';
import { CaughtUpWith } from '../read-models/read-your-writes/caught-up.decorator';
import { ComplaintStatisticsDto, ReadModelReportDto } from './dto/evidence-reports.dto';
import type { ReportFormat } from './dto/report-format.dto';

const RENDERED = 'Canonical JSON (money in exact øre), or CSV with `# ` header lines naming parameters, cutoff, position and rounding; X-Report-Digest and X-Report-Position name what it was computed from';

/**
 * Reports that set the municipality's own figures (the read models) beside imported evidence: the
 * reconciliation of an external extract, and complaint statistics with an imported comparator.
 */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class EvidenceReportsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('extract-reconciliation/:extractId')
  @ApiOperation({
    summary:
      'An imported extract against the sanction register: citizens in both, only in the extract, only internal; stricter sanctions reported against verified, the difference, and untyped sanctions, never counted as stricter',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: RENDERED })
  @ApiReadResponses()
  async extractReconciliation(
    @Param('extractId', ParseIdPipe) extractId: string,
    @Query() query: ReadModelReportDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CaughtUpWith('citizen-cases') _caughtUp: void,
  ): Promise<string> {
    const report = await this.queries.execute<GetExtractReconciliationQuery, ExtractReconciliationReport>(new GetExtractReconciliationQuery(extractId));
    return render(reply, report, query, `extract-reconciliation-${extractId}`, (locale) => extractReconciliationCsv(report, locale));
  }

  @Get('complaint-statistics')
  @ApiOperation({
    summary:
      "Ankestyrelsen's decisions per quarter or year and legal area: outcomes, shares (largest remainder, summing to 100), the reversal rate rounded half up with its raw fraction, and an imported comparator labelled as evidence",
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: RENDERED })
  @ApiReadResponses()
  async complaintStatistics(
    @Query() query: ComplaintStatisticsDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CaughtUpWith('citizen-cases') _caughtUp: void,
  ): Promise<string> {
    const { period, from, to, legalArea, comparatorId } = query;
    const report = await this.queries.execute<GetComplaintStatisticsQuery, ComplaintStatisticsReport>(
      new GetComplaintStatisticsQuery({ period, from, to, legalArea, comparatorId: comparatorId?.toLowerCase() }),
    );
    return render(reply, report, query, 'complaint-statistics', (locale) => complaintStatisticsCsv(report, locale));
  }
}

function render(
  reply: FastifyReply,
  report: { readonly header: { readonly position: string } },
  query: { readonly format?: ReportFormat; readonly locale?: ReportLocale },
  filename: string,
  csv: (locale: ReportLocale) => string,
): string {
  void reply.header('X-Report-Digest', reportDigest(report));
  void reply.header('X-Report-Position', report.header.position);
  if (query.format === 'csv') {
    void reply.header('Content-Type', 'text/csv; charset=utf-8');
    void reply.header('Content-Disposition', `attachment; filename="${filename}-${report.header.position}.csv"`);
    return csv(query.locale ?? 'en');
  }
  void reply.header('Content-Type', 'application/json; charset=utf-8');
  return reportJson(report);
}
