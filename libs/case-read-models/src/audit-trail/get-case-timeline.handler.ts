import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DomainError, citizenCaseStream } from '@casetrail/case-management';
import type { DataSource } from 'typeorm';
import { READ_MODEL_DATA_SOURCE } from '../nest/read-model-data-source';
import { fetchPage, instant, type Page } from '../query/page';
import { AuditTrailEntity } from './audit-trail.entity';
import { GetCaseTimelineQuery, type TimelineEntry } from './get-case-timeline.query';

@QueryHandler(GetCaseTimelineQuery)
export class GetCaseTimelineHandler implements IQueryHandler<GetCaseTimelineQuery> {
  constructor(@Inject(READ_MODEL_DATA_SOURCE) private readonly dataSource: DataSource) {}

  async execute({ caseId, page }: GetCaseTimelineQuery): Promise<Page<TimelineEntry>> {
    const streamName = citizenCaseStream(caseId);
    const query = this.dataSource
      .getRepository(AuditTrailEntity)
      .createQueryBuilder('t')
      .where('t.streamName = :streamName', { streamName })
      .orderBy('t.revision', 'ASC');
    const timeline = await fetchPage(query, page, (row): TimelineEntry => ({
      position: row.position,
      eventId: row.eventId,
      streamName: row.streamName,
      revision: row.revision,
      eventType: row.eventType,
      actor: row.actor,
      effectiveAt: instant(row.effectiveAt),
      recordedAt: instant(row.recordedAt),
      correlationId: row.correlationId,
      summary: row.summary,
    }));
    if (timeline.total === 0) throw new DomainError('CASE.NOT_FOUND', `Nothing is recorded under ${streamName}`, { kind: 'not_found' });
    return timeline;
  }
}
