import { DomainError } from '../../shared/domain-error';
import { ADOPTING_OUTCOMES, DECISION_OUTCOMES, INFORMATION_OUTCOMES } from '../committee-item.catalogue';
import type { DecisionRecorded } from '../committee-item.events';
import { participants, requireItem, requireText, requireUndecided } from '../committee-item.rules';
import type { CommitteeItemState } from '../committee-item.state';
import type { RecordDecisionCommand } from './record-decision.command';

/**
 * The committee decides by a majority of the votes cast (abstentions do not count; a tie is no
 * majority) when at least half its members are present. With no votes cast the decision is taken
 * as unanimous by those present.
 */
export function recordDecision(command: RecordDecisionCommand, state: CommitteeItemState): DecisionRecorded[] {
  requireItem(state);
  requireUndecided(state);
  const { outcome } = command.payload;
  if (!DECISION_OUTCOMES.includes(outcome)) {
    throw new DomainError('DECISION.UNKNOWN_OUTCOME', `Outcome must be one of ${DECISION_OUTCOMES.join(', ')}`, { field: 'outcome' });
  }
  const text = requireText(command.payload.text, 'DECISION.TEXT_MISSING', 'text');
  const amendments = (command.payload.amendments ?? []).map((a) => requireText(a, 'DECISION.AMENDMENT_BLANK', 'amendments'));
  if (outcome === 'APPROVED_WITH_AMENDMENTS' && amendments.length === 0) {
    throw new DomainError('DECISION.AMENDMENTS_MISSING', 'Approval with amendments lists the amendments', { field: 'amendments' });
  }
  if (outcome !== 'APPROVED_WITH_AMENDMENTS' && amendments.length > 0) {
    throw new DomainError('DECISION.AMENDMENTS_NOT_ALLOWED', 'Only APPROVED_WITH_AMENDMENTS carries amendments', { field: 'amendments' });
  }
  if (INFORMATION_OUTCOMES.includes(outcome) && state.recommendation?.kind !== 'INFORMATION_ONLY') {
    throw new DomainError('DECISION.OUTCOME_NEEDS_INFORMATION_ITEM', `${outcome} is for items recommended as information only`, { field: 'outcome' });
  }
  const present = participants(state.attendance).size;
  const seats = state.committee?.memberCount ?? 0;
  if (present * 2 < seats) throw new DomainError('ITEM.NO_QUORUM', `${present} of ${seats} members present; at least half must be`);
  if (state.votes.length > 0) {
    const votesFor = state.votes.filter((v) => v.vote === 'FOR').length;
    const votesAgainst = state.votes.filter((v) => v.vote === 'AGAINST').length;
    const majorityFor = votesFor > votesAgainst;
    const contradicts = (ADOPTING_OUTCOMES.includes(outcome) && !majorityFor) || (outcome === 'REJECTED' && majorityFor);
    if (contradicts) {
      throw new DomainError('DECISION.CONTRADICTS_VOTES', `${outcome} contradicts the votes: ${votesFor} for, ${votesAgainst} against`, { field: 'outcome' });
    }
  }
  return [{ type: 'DecisionRecorded', data: { outcome, text, amendments } }];
}
