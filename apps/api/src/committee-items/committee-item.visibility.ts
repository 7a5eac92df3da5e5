import { tally, type AggregateView, type Committee, type CommitteeItemState, type VoteTally } from '@casetrail/case-management';
import type { CommitteeItemView } from '@casetrail/case-read-models';
import type { Role } from '@casetrail/platform';

/** Roles cleared to read the content of a closed item (lukket punkt). */
export const CLEARED_ROLES: readonly Role[] = ['committee-secretary', 'admin', 'auditor'];

/** The whole item, folded from its events, with its vote tally. */
export interface CommitteeItemContent extends AggregateView<CommitteeItemState> {
  readonly tally: VoteTally;
}

/** What an uncleared reader learns of a closed item: that it exists, and where it sits on the agenda. */
export interface CommitteeItemExistence {
  readonly itemId: string | null;
  readonly closed: true;
  readonly committee: Committee | null;
  readonly meetingDate: string | null;
  readonly itemNumber: number | null;
  readonly revision: number;
}

export type CommitteeItemReading = CommitteeItemContent | CommitteeItemExistence;

/**
 * The rule: every authorised reader may see that an item exists; the content of a closed item only
 * a reader holding a cleared role. Open items are shown whole to everyone allowed on the route.
 * Every view of an item (the folded item, read-model rows, meeting minutes) applies it through here.
 */
export function mayReadContent(item: { readonly closed: boolean }, roles: readonly Role[]): boolean {
  return item.closed !== true || roles.some((role) => CLEARED_ROLES.includes(role));
}

/** The folded item as its reader may see it. */
export function committeeItemFor(view: AggregateView<CommitteeItemState>, roles: readonly Role[]): CommitteeItemReading {
  const { state } = view;
  if (mayReadContent(state, roles)) return { ...view, tally: tally(state) };
  return {
    itemId: state.itemId,
    closed: true,
    committee: state.committee,
    meetingDate: state.meetingDate,
    itemNumber: state.itemNumber,
    revision: view.revision,
  };
}

/** What an uncleared reader learns of a closed item's read-model row: the same as of the folded item. */
export interface CommitteeItemRowExistence {
  readonly itemId: string;
  readonly closed: true;
  readonly committee: CommitteeItemView['committee'];
  readonly meetingDate: string;
  readonly itemNumber: number;
  readonly revision: number;
}

/** A read-model row of an item (read_model.committee_minutes) as its reader may see it. */
export function committeeItemRowFor(row: CommitteeItemView, roles: readonly Role[]): CommitteeItemView | CommitteeItemRowExistence {
  if (mayReadContent(row, roles)) return row;
  return { itemId: row.itemId, closed: true, committee: row.committee, meetingDate: row.meetingDate, itemNumber: row.itemNumber, revision: row.revision };
}
