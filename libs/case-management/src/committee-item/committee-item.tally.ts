import type { VoteChoice } from './committee-item.catalogue';
import type { CommitteeItemState } from './committee-item.state';

/** The key for votes by members outside any party (løsgængere). */
export const OUTSIDE_PARTY = 'outside party';

export interface VoteTally {
  readonly for: number;
  readonly against: number;
  readonly abstain: number;
  /** Members recorded absent whose seat no substitute took. */
  readonly absent: number;
  /** Per choice, votes per party letter, or per `OUTSIDE_PARTY`. */
  readonly byParty: Readonly<Record<VoteChoice, Readonly<Record<string, number>>>>;
}

/** Counts an item's votes, in total and by the party each member had on the meeting date. */
export function tally(state: CommitteeItemState): VoteTally {
  const byParty: Record<VoteChoice, Record<string, number>> = { FOR: {}, AGAINST: {}, ABSTAIN: {} };
  for (const { vote, party } of state.votes) {
    const key = party ?? OUTSIDE_PARTY;
    byParty[vote][key] = (byParty[vote][key] ?? 0) + 1;
  }
  const count = (choice: VoteChoice) => state.votes.filter((v) => v.vote === choice).length;
  return {
    for: count('FOR'),
    against: count('AGAINST'),
    abstain: count('ABSTAIN'),
    absent: Object.values(state.attendance).filter((e) => e.status === 'ABSENT' && !e.substituteMemberId).length,
    byParty,
  };
}
