import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DomainError, type CommitteeItemState } from '@casetrail/case-management';
import type { DataSource } from 'typeorm';
import { READ_MODEL_DATA_SOURCE } from '../nest/read-model-data-source';
import { committeeItemView } from './committee-item-view';
import { CommitteeMinutesEntity } from './committee-minutes.entity';
import { GetMeetingMinutesQuery, type MeetingMinutes } from './get-meeting-minutes.query';
import { renderMeetingMinutes } from './minutes-text';

@QueryHandler(GetMeetingMinutesQuery)
export class GetMeetingMinutesHandler implements IQueryHandler<GetMeetingMinutesQuery> {
  constructor(@Inject(READ_MODEL_DATA_SOURCE) private readonly dataSource: DataSource) {}

  async execute({ committeeId, meetingDate, options }: GetMeetingMinutesQuery): Promise<MeetingMinutes> {
    const rows = await this.dataSource
      .getRepository(CommitteeMinutesEntity)
      .createQueryBuilder('m')
      .where('m.committeeId = :committeeId AND m.meetingDate = :meetingDate', { committeeId, meetingDate })
      .orderBy('m.itemNumber', 'ASC')
      .addOrderBy('m.itemId', 'ASC')
      .getMany();
    if (rows.length === 0) {
      throw new DomainError('MEETING.NOT_FOUND', `No agenda item of committee ${committeeId} is recorded for ${meetingDate}`, { kind: 'not_found' });
    }
    return {
      committee: { id: committeeId, name: rows[0].committeeName },
      meetingDate,
      items: rows.map(committeeItemView),
      text: renderMeetingMinutes(rows.map((row) => row.state as CommitteeItemState), { omitClosedContent: options.omitClosedContent }),
    };
  }
}
