import { requireIsoDate } from '../../shared/dates';
import { DomainError } from '../../shared/domain-error';
import type { ReferralScheduled } from '../committee-item.events';
import { requireItem, requireText } from '../committee-item.rules';
import type { CommitteeItemState } from '../committee-item.state';
import type { ScheduleReferralCommand } from './schedule-referral.command';

/** Where a decided item goes next; scheduling the same body and date again changes nothing. */
export function scheduleReferral(command: ScheduleReferralCommand, state: CommitteeItemState): ReferralScheduled[] {
  requireItem(state);
  if (!state.decision) throw new DomainError('REFERRAL.NEEDS_DECISION', 'Record the decision before scheduling the next body');
  const body = requireText(command.payload.body, 'REFERRAL.BODY_MISSING', 'body');
  const date = requireIsoDate(command.payload.date, 'date');
  if (date < (state.meetingDate ?? '')) {
    throw new DomainError('REFERRAL.DATE_BEFORE_MEETING', `The next body cannot meet before this meeting (${state.meetingDate})`, { field: 'date' });
  }
  if (state.referrals.some((r) => r.body === body && r.date === date)) return [];
  return [{ type: 'ReferralScheduled', data: { body, date } }];
}
