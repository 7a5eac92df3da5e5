import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { APPEAL_OUTCOMES, DomainError, comparatorStream, importedComparator, type AppealOutcome } from '@casetrail/case-management';
import { EVENT_STORE, foldStream, type EventStore } from '@casetrail/event-store';
import type { DataSource } from 'typeorm';
import { READ_MODEL_DATA_SOURCE } from '../../nest/read-model-data-source';
import { READ_MODEL_SCHEMA } from '../../projection/projection';
import { citizenCasesPosition } from '../evidence-shared/report-header';
import { complaintStatistics, type ComparatorEvidence, type DecidedAppeal } from './complaint-statistics';
import { GetComplaintStatisticsQuery, type ComplaintStatisticsParameters, type ComplaintStatisticsReport } from './get-complaint-statistics.query';

export const COMPLAINT_STATISTICS_ROUNDING =
  'Outcome shares: whole percent of all decided appeals (dismissed included), largest-remainder rounding so that they sum to 100, ' +
  'a tie going to the outcome listed first (STADFAESTET, AENDRET, OPHAEVET, HJEMVIST, AFVIST). Reversal rate: (AENDRET + OPHAEVET + HJEMVIST) / ' +
  '(STADFAESTET + AENDRET + OPHAEVET + HJEMVIST), dismissed (AFVIST) left out, whole percent rounded half up from the unrounded fraction given beside it.';

@QueryHandler(GetComplaintStatisticsQuery)
export class GetComplaintStatisticsHandler implements IQueryHandler<GetComplaintStatisticsQuery> {
  constructor(
    @Inject(READ_MODEL_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ parameters }: GetComplaintStatisticsQuery): Promise<ComplaintStatisticsReport> {
    const comparator = parameters.comparatorId === undefined ? null : await this.comparator(parameters.comparatorId);
    const { appeals, position } = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const position = await citizenCasesPosition(manager);
      const rows: { appeal_id: string; legal_area: string; decided_on: string; outcome: string }[] = await manager.query(
        `SELECT appeal_id::text AS appeal_id, legal_area, decided_on::text AS decided_on, outcome
           FROM "${READ_MODEL_SCHEMA}".appeals_register
          WHERE outcome IS NOT NULL AND decided_on IS NOT NULL
            AND ($1::date IS NULL OR decided_on >= $1::date) AND ($2::date IS NULL OR decided_on <= $2::date)
            AND ($3::text IS NULL OR legal_area = $3::text)
          ORDER BY decided_on, appeal_id`,
        [parameters.from ?? null, parameters.to ?? null, parameters.legalArea ?? null],
      );
      return { position, appeals: rows.filter((r) => (APPEAL_OUTCOMES as readonly string[]).includes(r.outcome)).map(decidedAppeal) };
    });
    const statistics = complaintStatistics(appeals, parameters.period, { from: parameters.from ?? null, to: parameters.to ?? null }, comparator);
    return { header: header(parameters, position), comparator, ...statistics };
  }

  private async comparator(comparatorId: string): Promise<ComparatorEvidence> {
    const history = await this.store.readStream(comparatorStream(comparatorId));
    const data = foldStream(importedComparator, history).comparator;
    if (data === null) throw new DomainError('COMPARATOR.NOT_FOUND', `No comparator ${comparatorId} has been imported`, { kind: 'not_found', field: 'comparatorId' });
    const { metadata } = history[0];
    return { kind: 'IMPORTED_EVIDENCE', ...data, importedAt: metadata.recordedAt, importedBy: metadata.actor };
  }
}

function decidedAppeal(row: { appeal_id: string; legal_area: string; decided_on: string; outcome: string }): DecidedAppeal {
  return { appealId: row.appeal_id, legalArea: row.legal_area, decidedOn: row.decided_on, outcome: row.outcome as AppealOutcome };
}

function header(parameters: ComplaintStatisticsParameters, position: string) {
  const { period, from, to, legalArea, comparatorId } = parameters;
  return {
    report: 'complaint-statistics',
    title: 'Klagestatistik: Ankestyrelsens afgørelser',
    parameters: { period, from: from ?? null, to: to ?? null, legalArea: legalArea ?? null, comparatorId: comparatorId ?? null },
    cutoff: `Appeals decided by Ankestyrelsen ${from ? `from ${from}` : 'from the first'} ${to ? `to ${to}` : 'to the latest'} (decision date), as recorded at position ${position}`,
    position,
    rounding: COMPLAINT_STATISTICS_ROUNDING,
  };
}
