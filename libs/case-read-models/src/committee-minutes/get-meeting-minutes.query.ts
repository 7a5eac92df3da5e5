import { Query } from '@nestjs/cqrs';
import type { CommitteeItemView } from './list-committee-items.query';

/** One meeting's items in item order, and its minutes as Danish text. */
export interface MeetingMinutes {
  readonly committee: { readonly id: string; readonly name: string };
  readonly meetingDate: string;
  /** Whole rows, closed items included: the caller shows each as its reader may see it. */
  readonly items: readonly CommitteeItemView[];
  /** The meeting's minutes; a closed item is "<n>. Lukket punkt" when `omitClosedContent` was asked for. */
  readonly text: string;
}

/** The minutes of a committee's meeting on a date; MEETING.NOT_FOUND when no item is on its agenda. */
export class GetMeetingMinutesQuery extends Query<MeetingMinutes> {
  constructor(
    readonly committeeId: string,
    readonly meetingDate: string,
    readonly options: { readonly omitClosedContent: boolean },
  ) {
    super();
  }
}
