import type { CommandContext } from '@casetrail/event-store';
import type { AttendanceStatus } from '../committee-item.catalogue';

export class RecordAttendanceCommand {
  constructor(
    readonly itemId: string,
    readonly payload: {
      /** One entry per member; a later entry for a member replaces the earlier one. */
      readonly entries: readonly {
        readonly memberId: string;
        readonly status: AttendanceStatus;
        /** Afbud. */
        readonly absenceNotice: boolean;
        /** Who took the seat of an absent member. */
        readonly substituteMemberId?: string | null;
      }[];
    },
    readonly context: CommandContext,
    readonly expectedRevision?: number,
  ) {}
}
