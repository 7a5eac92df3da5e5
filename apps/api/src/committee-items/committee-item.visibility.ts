import { tally, type AggregateView, type Committee, type CommitteeItemState, type VoteTally } from '@casetrail/case-management';
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
 * Every authorised reader may see that an item exists; the content of a closed item only a reader
 * holding a cleared role. Open items are shown whole to everyone allowed on the route.
 */
export function committeeItemFor(view: AggregateView<CommitteeItemState>, roles: readonly Role[]): CommitteeItemReading {
  const { state } = view;
  if (!state.closed || roles.some((role) => CLEARED_ROLES.includes(role))) return { ...view, tally: tally(state) };
  return {
    itemId: state.itemId,
    closed: true,
    committee: state.committee,
    meetingDate: state.meetingDate,
    itemNumber: state.itemNumber,
    revision: view.revision,
  };
}
