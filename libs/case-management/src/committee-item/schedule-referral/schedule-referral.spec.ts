import { given } from '@casetrail/testing';
import { context, decided, opened, quorum } from '../committee-item.fixtures';
import { committeeItem } from '../committee-item.state';
import { ScheduleReferralCommand } from './schedule-referral.command';
import { scheduleReferral } from './schedule-referral.decide';

const command = (payload: Partial<ScheduleReferralCommand['payload']> = {}) =>
  new ScheduleReferralCommand('item-2', { body: ' Økonomiudvalget ', date: '2025-01-22', ...payload }, context);
const toFinance = { type: 'ReferralScheduled', data: { body: 'Økonomiudvalget', date: '2025-01-22' } } as const;
const history = [opened, quorum, decided()];

describe('schedule referral', () => {
  it('names the next body and its date, and the item is referred', () => {
    given(committeeItem, history).when(scheduleReferral, command()).then([toFinance]);
    expect(given(committeeItem, [...history, toFinance]).state.finality).toBe('REFERRED');
  });

  it('schedules the city council after the finance committee', () => {
    given(committeeItem, [...history, toFinance]).when(scheduleReferral, command({ body: 'Byrådet', date: '2025-01-29' })).then([
      { type: 'ReferralScheduled', data: { body: 'Byrådet', date: '2025-01-29' } },
    ]);
  });

  it('ignores the same body and date scheduled again', () => {
    given(committeeItem, [...history, toFinance]).when(scheduleReferral, command()).then([]);
  });

  it('refuses an item that was never opened', () => {
    given(committeeItem, []).when(scheduleReferral, command()).thenRefuses('ITEM.NOT_FOUND');
  });

  it('refuses a referral before the decision is recorded', () => {
    given(committeeItem, [opened, quorum]).when(scheduleReferral, command()).thenRefuses('REFERRAL.NEEDS_DECISION');
  });

  it('refuses a referral without a body', () => {
    given(committeeItem, history).when(scheduleReferral, command({ body: ' ' })).thenRefuses('REFERRAL.BODY_MISSING', 'body');
  });

  it('refuses a date that is not a calendar date', () => {
    given(committeeItem, history).when(scheduleReferral, command({ date: '22.01.2025' })).thenRefuses('DATE.INVALID', 'date');
  });

  it('refuses a date before this meeting', () => {
    given(committeeItem, history).when(scheduleReferral, command({ date: '2025-01-13' })).thenRefuses('REFERRAL.DATE_BEFORE_MEETING', 'date');
  });
});
