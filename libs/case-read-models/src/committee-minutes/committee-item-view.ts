import type { VoteTally } from '@casetrail/case-management';
import type { CommitteeMinutesEntity } from './committee-minutes.entity';
import type { CommitteeItemView } from './list-committee-items.query';

/** Every column of read_model.committee_minutes but the folded state. */
export const ITEM_COLUMNS = [
  'itemId',
  'streamName',
  'caseNumber',
  'committeeId',
  'committeeName',
  'meetingDate',
  'itemNumber',
  'title',
  'closed',
  'finality',
  'outcome',
  'tally',
  'minutesText',
  'revision',
  'lastPosition',
] as const satisfies readonly (keyof CommitteeMinutesEntity)[];

export function committeeItemView(row: CommitteeMinutesEntity): CommitteeItemView {
  return {
    itemId: row.itemId,
    streamName: row.streamName,
    caseNumber: row.caseNumber,
    committee: { id: row.committeeId, name: row.committeeName },
    meetingDate: row.meetingDate,
    itemNumber: row.itemNumber,
    title: row.title,
    closed: row.closed,
    finality: row.finality,
    outcome: row.outcome,
    tally: row.tally as VoteTally,
    minutesText: row.minutesText,
    revision: row.revision,
    lastPosition: row.lastPosition,
  };
}
