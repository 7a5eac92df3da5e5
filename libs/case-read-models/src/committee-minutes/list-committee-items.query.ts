import { Query } from '@nestjs/cqrs';
import type { VoteTally } from '@casetrail/case-management';
import type { Page, PageRequest } from '../query/page';

export interface CommitteeItemFilters {
  readonly committeeId?: string;
  /** yyyy-mm-dd */
  readonly meetingDate?: string;
}

/**
 * A row of read_model.committee_minutes, whole: closed items included. Who may see a closed item's
 * content is the caller's rule; these rows are what it is applied to.
 */
export interface CommitteeItemView {
  readonly itemId: string;
  readonly streamName: string;
  readonly caseNumber: string;
  readonly committee: { readonly id: string; readonly name: string };
  readonly meetingDate: string;
  readonly itemNumber: number;
  readonly title: string;
  readonly closed: boolean;
  readonly finality: string;
  readonly outcome: string | null;
  readonly tally: VoteTally;
  /** The item's minutes as Danish text. */
  readonly minutesText: string;
  readonly revision: number;
  readonly lastPosition: string;
}

/** Agenda items matching the filters, ordered by meeting_date, committee_id, item_number, then item_id. */
export class ListCommitteeItemsQuery extends Query<Page<CommitteeItemView>> {
  constructor(
    readonly filters: CommitteeItemFilters,
    readonly page: PageRequest,
  ) {
    super();
  }
}
