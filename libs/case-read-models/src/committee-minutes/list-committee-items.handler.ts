import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { DataSource } from 'typeorm';
import { READ_MODEL_DATA_SOURCE } from '../nest/read-model-data-source';
import { fetchPage, type Page } from '../query/page';
import { ITEM_COLUMNS, committeeItemView } from './committee-item-view';
import { CommitteeMinutesEntity } from './committee-minutes.entity';
import { ListCommitteeItemsQuery, type CommitteeItemView } from './list-committee-items.query';

@QueryHandler(ListCommitteeItemsQuery)
export class ListCommitteeItemsHandler implements IQueryHandler<ListCommitteeItemsQuery> {
  constructor(@Inject(READ_MODEL_DATA_SOURCE) private readonly dataSource: DataSource) {}

  execute({ filters, page }: ListCommitteeItemsQuery): Promise<Page<CommitteeItemView>> {
    const query = this.dataSource
      .getRepository(CommitteeMinutesEntity)
      .createQueryBuilder('m')
      .select(ITEM_COLUMNS.map((column) => `m.${column}`));
    if (filters.committeeId !== undefined) query.andWhere('m.committeeId = :committeeId', { committeeId: filters.committeeId });
    if (filters.meetingDate !== undefined) query.andWhere('m.meetingDate = :meetingDate', { meetingDate: filters.meetingDate });
    query.orderBy('m.meetingDate', 'ASC').addOrderBy('m.committeeId', 'ASC').addOrderBy('m.itemNumber', 'ASC').addOrderBy('m.itemId', 'ASC');
    return fetchPage(query, page, committeeItemView);
  }
}
