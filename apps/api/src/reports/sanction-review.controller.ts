import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { GetSanctionReviewQuery, sanctionReviewCsv, type SanctionReviewReport } from '@casetrail/case-read-models';
import { CurrentUser, type AuthenticatedUser } from '@casetrail/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiReadResponses } from '../http/api-docs';
import { SanctionReviewQueryDto } from './dto/sanction-review-query.dto';
import { requireCitizenClearance } from './report-clearance';
import { reportResponse } from './report-response';

/**
 * Reports for Ankestyrelsen computed from the events, not the read models, at a global position and
 * a recorded-time cutoff, so that the same question gives the same bytes years later
 * (docs/reports/sanction-review.md).
 */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class SanctionReviewController {
  constructor(private readonly queries: QueryBus) {}

  @Get('sanction-review')
  @ApiOperation({
    summary:
      'Per discovery source (practice survey, excluded by Ankestyrelsen, own methods, national extract only): citizens, sanctions, citizens with an error and repayments, for sanctions breached in a window, as known on a day, at a log position',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: 'Canonical JSON (money in exact øre), or CSV; X-Report-Digest, X-Report-Position and X-Report-Recorded-Cutoff name what it was computed from' })
  @ApiReadResponses()
  async sanctionReview(
    @Query() query: SanctionReviewQueryDto,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    requireCitizenClearance(query.includeCitizens, user.roles);
    const { sanctionTypes, breachFrom, breachTo, knownOn, position, includeCitizens } = query;
    const report = await this.queries.execute<GetSanctionReviewQuery, SanctionReviewReport>(
      new GetSanctionReviewQuery({ sanctionTypes, breachFrom, breachTo, knownOn, position, includeCitizens }, request.receivedAt),
    );
    return reportResponse(reply, report, { format: query.format, locale: query.locale, csv: (locale) => sanctionReviewCsv(report, locale), filename: 'sanction-review' });
  }
}
