import { DomainError } from '../../shared/domain-error';
import { sameName, tidyName } from '../../committee-member/committee-member.rules';
import { VOTE_CHOICES } from '../committee-item.catalogue';
import type { VoteCast } from '../committee-item.events';
import { requireItem, requireParticipant, requireUndecided } from '../committee-item.rules';
import type { CommitteeItemState } from '../committee-item.state';
import type { CastVoteInput } from './cast-vote.command';

/** A member present for the item (or seated as a substitute) votes once, before the decision. */
export function castVote({ command, voter }: CastVoteInput, state: CommitteeItemState): VoteCast[] {
  requireItem(state);
  const { memberId, vote } = command.payload;
  if (!VOTE_CHOICES.includes(vote)) throw new DomainError('VOTE.UNKNOWN_CHOICE', `Vote must be one of ${VOTE_CHOICES.join(', ')}`, { field: 'vote' });
  requireUndecided(state);
  requireParticipant(state, memberId, 'VOTE.MEMBER_NOT_PRESENT', 'memberId');
  if (state.votes.some((v) => v.memberId === memberId)) {
    throw new DomainError('VOTE.ALREADY_CAST', 'This member has already voted on this item', { kind: 'conflict', field: 'memberId' });
  }
  if (voter.party === undefined) {
    throw new DomainError('VOTE.MEMBER_PARTY_UNKNOWN', `No party membership is recorded for this member on ${state.meetingDate}`, { field: 'memberId' });
  }
  const memberName = command.payload.memberName === undefined ? voter.names[0] : tidyName(command.payload.memberName);
  if (!voter.names.some((name) => sameName(name, memberName))) {
    throw new DomainError('VOTE.MEMBER_NAME_UNKNOWN', 'Not a name or alias of this member; add the spelling as an alias first', { field: 'memberName' });
  }
  return [{ type: 'VoteCast', data: { memberId, memberName, party: voter.party, vote } }];
}
