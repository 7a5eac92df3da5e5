import type { ReferralDemanded } from '../committee-item.events';
import { requireItem, requireParticipant } from '../committee-item.rules';
import type { CommitteeItemState } from '../committee-item.state';
import type { DemandReferralCommand } from './demand-referral.command';

/** The item becomes referred, not final; the same member demanding again changes nothing. */
export function demandReferral(command: DemandReferralCommand, state: CommitteeItemState): ReferralDemanded[] {
  requireItem(state);
  const { memberId } = command.payload;
  requireParticipant(state, memberId, 'ITEM.MEMBER_NOT_PRESENT', 'memberId');
  if (state.referralDemandedBy.includes(memberId)) return [];
  return [{ type: 'ReferralDemanded', data: { memberId } }];
}
