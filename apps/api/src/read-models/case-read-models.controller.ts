import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  GetCaseTimelineQuery,
  ListAppealsQuery,
  ListCasesQuery,
  ListSanctionsQuery,
  type AppealView,
  type CaseSummaryView,
  type Page,
  type SanctionView,
  type TimelineEntry,
} from '@casetrail/case-read-models';
import { RecordsCitizenAccess } from '../access-log/records-citizen-access.decorator';
import { ParseIdPipe } from '../http/id.pipe';
import { ListAppealsDto } from './dto/list-appeals.dto';
import { ListCasesDto } from './dto/list-cases.dto';
import { ListSanctionsDto } from './dto/list-sanctions.dto';
import { PagedQueryDto } from './dto/read-model-query.dto';
import { APPEAL, ApiPage, CASE_SUMMARY, SANCTION, TIMELINE_ENTRY } from './read-model-docs';
import { CaughtUpWith } from './read-your-writes/caught-up.decorator';

/** The citizen-case read models: case summaries, a case's timeline, the sanction and appeals registers. */
@ApiTags('read models')
@ApiBearerAuth()
@Controller('read-models')
export class CaseReadModelsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('cases')
  @ApiOperation({ summary: 'Citizen cases by case number, status, owning unit, legal area and opening date (read_model.case_summary)' })
  @ApiPage(CASE_SUMMARY, 'opened_on, then case_id')
  listCases(@Query() query: ListCasesDto, @CaughtUpWith('citizen-cases') _caughtUp: void): Promise<Page<CaseSummaryView>> {
    const { caseNumber, status, owningUnit, legalArea, openedFrom, openedTo, page, pageSize } = query;
    return this.queries.execute(new ListCasesQuery({ caseNumber, status, owningUnit, legalArea, openedFrom, openedTo }, { page, pageSize }));
  }

  @Get('cases/:caseId/timeline')
  @ApiOperation({ summary: "The case's events as audit-trail rows: who recorded what, effective and recorded time (read_model.audit_trail)" })
  @ApiPage(TIMELINE_ENTRY, 'revision')
  @RecordsCitizenAccess({ caseIdParam: 'caseId' })
  caseTimeline(
    @Param('caseId', ParseIdPipe) caseId: string,
    @Query() query: PagedQueryDto,
    @CaughtUpWith('audit-trail') _caughtUp: void,
  ): Promise<Page<TimelineEntry>> {
    return this.queries.execute(new GetCaseTimelineQuery(caseId, { page: query.page, pageSize: query.pageSize }));
  }

  @Get('sanctions')
  @ApiOperation({ summary: 'Sanctions by type, stricter or not, review outcome, discovery source, breach date and case (read_model.sanction_register)' })
  @ApiPage(SANCTION, 'breach_date, then sanction_id')
  @RecordsCitizenAccess({ caseIdQuery: 'caseId' })
  listSanctions(@Query() query: ListSanctionsDto, @CaughtUpWith('citizen-cases') _caughtUp: void): Promise<Page<SanctionView>> {
    const { sanctionType, stricter, reviewOutcome, discoverySource, breachFrom, breachTo, caseId, page, pageSize } = query;
    return this.queries.execute(
      new ListSanctionsQuery({ sanctionType, stricter, reviewOutcome, discoverySource, breachFrom, breachTo, caseId: caseId?.toLowerCase() }, { page, pageSize }),
    );
  }

  @Get('appeals')
  @ApiOperation({ summary: "Appeals to Ankestyrelsen by legal area, outcome and decision date (read_model.appeals_register)" })
  @ApiPage(APPEAL, 'lodged_on, then appeal_id')
  listAppeals(@Query() query: ListAppealsDto, @CaughtUpWith('citizen-cases') _caughtUp: void): Promise<Page<AppealView>> {
    const { legalArea, outcome, decidedFrom, decidedTo, page, pageSize } = query;
    return this.queries.execute(new ListAppealsQuery({ legalArea, outcome, decidedFrom, decidedTo }, { page, pageSize }));
  }
}
