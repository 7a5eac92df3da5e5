import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { DataSource } from 'typeorm';
import { READ_MODEL_DATA_SOURCE } from '../nest/read-model-data-source';
import { fetchPage, whereBetween, type Page } from '../query/page';
import { AppealsRegisterEntity } from './appeals-register.entity';
import { ListAppealsQuery, type AppealView } from './list-appeals.query';

@QueryHandler(ListAppealsQuery)
export class ListAppealsHandler implements IQueryHandler<ListAppealsQuery> {
  constructor(@Inject(READ_MODEL_DATA_SOURCE) private readonly dataSource: DataSource) {}

  execute({ filters, page }: ListAppealsQuery): Promise<Page<AppealView>> {
    const query = this.dataSource.getRepository(AppealsRegisterEntity).createQueryBuilder('a');
    if (filters.legalArea !== undefined) query.andWhere('a.legalArea = :legalArea', { legalArea: filters.legalArea });
    if (filters.outcome !== undefined) query.andWhere('a.outcome = :outcome', { outcome: filters.outcome });
    whereBetween(query, 'a.decidedOn', filters.decidedFrom, filters.decidedTo);
    query.orderBy('a.lodgedOn', 'ASC').addOrderBy('a.appealId', 'ASC');
    return fetchPage(query, page, (row): AppealView => ({
      appealId: row.appealId,
      caseId: row.caseId,
      caseNumber: row.caseNumber,
      legalArea: row.legalArea,
      sanctionIds: row.sanctionIds,
      lodgedOn: row.lodgedOn,
      decidedOn: row.decidedOn,
      outcome: row.outcome,
    }));
  }
}
