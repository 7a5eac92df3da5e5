import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { DataSource } from 'typeorm';
import { READ_MODEL_DATA_SOURCE } from '../nest/read-model-data-source';
import { fetchPage, ore, whereBetween, type Page } from '../query/page';
import { ListSanctionsQuery, type SanctionView } from './list-sanctions.query';
import { SanctionRegisterEntity } from './sanction-register.entity';

@QueryHandler(ListSanctionsQuery)
export class ListSanctionsHandler implements IQueryHandler<ListSanctionsQuery> {
  constructor(@Inject(READ_MODEL_DATA_SOURCE) private readonly dataSource: DataSource) {}

  execute({ filters, page }: ListSanctionsQuery): Promise<Page<SanctionView>> {
    const query = this.dataSource.getRepository(SanctionRegisterEntity).createQueryBuilder('s');
    if (filters.sanctionType !== undefined) query.andWhere('s.sanctionType = :sanctionType', { sanctionType: filters.sanctionType });
    if (filters.stricter !== undefined) query.andWhere('s.stricter = :stricter', { stricter: filters.stricter });
    if (filters.reviewOutcome !== undefined) query.andWhere('s.reviewOutcome = :reviewOutcome', { reviewOutcome: filters.reviewOutcome });
    if (filters.discoverySource !== undefined) {
      query.andWhere(':discoverySource = ANY(s.discoverySources)', { discoverySource: filters.discoverySource });
    }
    if (filters.caseId !== undefined) query.andWhere('s.caseId = :caseId', { caseId: filters.caseId });
    whereBetween(query, 's.breachDate', filters.breachFrom, filters.breachTo);
    query.orderBy('s.breachDate', 'ASC').addOrderBy('s.sanctionId', 'ASC');
    return fetchPage(query, page, sanctionView);
  }
}

function sanctionView(row: SanctionRegisterEntity): SanctionView {
  return {
    sanctionId: row.sanctionId,
    caseId: row.caseId,
    caseNumber: row.caseNumber,
    citizenRef: row.citizenRef,
    legalArea: row.legalArea,
    sanctionType: row.sanctionType,
    stricter: row.stricter,
    legalBasis: { law: row.law, paragraph: row.paragraph, subsection: row.subsection, version: row.legalBasisVersion },
    breachDate: row.breachDate,
    period: { from: row.periodFrom, to: row.periodTo },
    amountDeductedOre: ore(row.amountDeductedOre),
    decidedOn: row.decidedOn,
    reviewOutcome: row.reviewOutcome,
    errorCategories: row.errorCategories,
    wouldChangeOnAppeal: row.wouldChangeOnAppeal,
    reviewedOn: row.reviewedOn,
    discoverySources: row.discoverySources,
    repaymentAssessedOre: ore(row.repaymentAssessedOre),
    repaymentScheduledOre: ore(row.repaymentScheduledOre),
    repaymentPaidOre: ore(row.repaymentPaidOre),
    appealOutcome: row.appealOutcome,
    corrected: row.corrected,
  };
}
