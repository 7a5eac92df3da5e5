import {
  COMMITTEE_ITEM_STREAM_PREFIX,
  VOTE_CHOICES,
  committeeItem,
  tally,
  type CommitteeItemEvent,
  type CommitteeItemState,
} from '@casetrail/case-management';
import type { Aggregate, RecordedEvent } from '@casetrail/event-store';
import { foldStreams, type FoldedStream } from '../projection/folded-streams';
import type { Projection, ProjectionContext } from '../projection/projection';
import { renderItemMinutes } from './minutes-text';

/**
 * One row per agenda item: where it sits on the agenda, its finality, outcome and tally, and its
 * minutes as Danish text, all derived from the item's state as the write side folds it (kept in
 * `state`). Closed items keep their content here; the query side decides who sees it.
 */
export const committeeMinutesProjection: Projection = {
  name: 'committee-minutes',
  tables: ['committee_minutes'],
  filter: { streamPrefixes: [COMMITTEE_ITEM_STREAM_PREFIX] },
  async apply(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
    const folded = await foldStreams(context, 'committee_minutes', tolerantCommitteeItem, events);
    await context.upsertRows('committee_minutes', ['item_id'], folded.flatMap(minutesRow));
  },
};

/**
 * The write side's fold, except that an event it cannot fold (data of the wrong shape) leaves the
 * state as it was instead of stopping the projection.
 */
const tolerantCommitteeItem: Aggregate<CommitteeItemState, CommitteeItemEvent> = {
  initialState: committeeItem.initialState,
  evolve(state, event) {
    try {
      return committeeItem.evolve(state, event);
    } catch {
      return state;
    }
  },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_INT = 2_147_483_647;

/** The item's row; none for a stream whose opening facts the table cannot hold (no uuid id, no date). */
function minutesRow({ streamName, state, revision, lastPosition }: FoldedStream<CommitteeItemState>) {
  const { itemId, meetingDate, itemNumber } = state;
  if (state.status !== 'OPEN' || typeof itemId !== 'string' || !UUID.test(itemId)) return [];
  // The key is the item id: only the item's own stream may write its row.
  if (streamName !== `${COMMITTEE_ITEM_STREAM_PREFIX}${itemId}`) return [];
  if (!isCalendarDate(meetingDate) || !Number.isInteger(itemNumber) || Math.abs(itemNumber as number) > MAX_INT) return [];
  return [
    {
      item_id: itemId,
      stream_name: streamName,
      case_number: textOr(state.caseNumber?.value, ''),
      committee_id: textOr(state.committee?.id, ''),
      committee_name: textOr(state.committee?.name, ''),
      meeting_date: meetingDate,
      item_number: itemNumber,
      title: textOr(state.title, ''),
      closed: state.closed === true,
      finality: textOr(state.finality, 'PENDING'),
      outcome: typeof state.decision?.outcome === 'string' ? state.decision.outcome : null,
      tally: tally({ ...state, votes: (state.votes ?? []).filter((v) => (VOTE_CHOICES as readonly unknown[]).includes(v?.vote)) }),
      minutes_text: renderItemMinutes(state),
      revision,
      last_position: lastPosition.toString(),
      state,
    },
  ];
}

function isCalendarDate(value: unknown): value is string {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number(match[1]) >= 1 && date.toISOString().slice(0, 10) === value;
}

function textOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}
