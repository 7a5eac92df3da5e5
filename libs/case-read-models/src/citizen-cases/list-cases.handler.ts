import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { DataSource } from 'typeorm';
import { READ_MODEL_DATA_SOURCE } from '../nest/read-model-data-source';
import { fetchPage, instant, ore, whereBetween, type Page } from '../query/page';
import { CaseSummaryEntity } from './case-summary.entity';
import { ListCasesQuery, type CaseSummaryView } from './list-cases.query';

@QueryHandler(ListCasesQuery)
export class ListCasesHandler implements IQueryHandler<ListCasesQuery> {
  constructor(@Inject(READ_MODEL_DATA_SOURCE) private readonly dataSource: DataSource) {}

  execute({ filters, page }: ListCasesQuery): Promise<Page<CaseSummaryView>> {
    const query = this.dataSource.getRepository(CaseSummaryEntity).createQueryBuilder('c');
    if (filters.caseNumber !== undefined) query.andWhere('c.caseNumber = :caseNumber', { caseNumber: filters.caseNumber });
    if (filters.status !== undefined) query.andWhere('c.status = :status', { status: filters.status });
    if (filters.owningUnit !== undefined) query.andWhere('c.owningUnit = :owningUnit', { owningUnit: filters.owningUnit });
    if (filters.legalArea !== undefined) query.andWhere('c.legalArea = :legalArea', { legalArea: filters.legalArea });
    whereBetween(query, 'c.openedOn', filters.openedFrom, filters.openedTo);
    query.orderBy('c.openedOn', 'ASC').addOrderBy('c.caseId', 'ASC');
    return fetchPage(query, page, caseSummaryView);
  }
}

function caseSummaryView(row: CaseSummaryEntity): CaseSummaryView {
  return {
    caseId: row.caseId,
    streamName: row.streamName,
    caseNumber: row.caseNumber,
    caseNumberFormat: row.caseNumberFormat,
    kleSubject: row.kleSubject,
    citizenRef: row.citizenRef,
    legalArea: row.legalArea,
    owningUnit: row.owningUnit,
    status: row.status,
    openedOn: row.openedOn,
    closedOn: row.closedOn,
    closureReason: row.closureReason,
    sanctionCount: row.sanctionCount,
    sanctionsInError: row.sanctionsInError,
    repaymentAssessedOre: ore(row.repaymentAssessedOre),
    appealCount: row.appealCount,
    revision: row.revision,
    lastPosition: row.lastPosition,
    lastRecordedAt: instant(row.lastRecordedAt),
  };
}
