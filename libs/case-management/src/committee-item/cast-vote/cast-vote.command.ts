import type { CommandContext } from '@casetrail/event-store';
import type { VoteChoice } from '../committee-item.catalogue';

export class CastVoteCommand {
  constructor(
    readonly itemId: string,
    readonly payload: {
      readonly memberId: string;
      /** The name as these minutes spell it; the member's registered name when absent. */
      readonly memberName?: string;
      readonly vote: VoteChoice;
    },
    readonly context: CommandContext,
    readonly expectedRevision?: number,
  ) {}
}

/** Facts about the voter from the member's own stream, read by the handler. */
export interface Voter {
  /** The party on the meeting date: a letter, null outside any party, undefined when unknown. */
  readonly party: string | null | undefined;
  /** The registered name first, then its aliases. */
  readonly names: readonly string[];
}

export interface CastVoteInput {
  readonly command: CastVoteCommand;
  readonly voter: Voter;
}
