import { given } from '@casetrail/testing';
import type { RepaymentIssued, RepaymentScheduled } from '../citizen-case.events';
import { citizenCase } from '../citizen-case.state';
import { assessed, context, imposed, opened, refusalKind, reviewed } from '../fixtures/citizen-case.fixtures';
import { ScheduleRepaymentCommand } from './schedule-repayment.command';
import { scheduleRepayment } from './schedule-repayment.decide';

const command = (payload: Partial<ScheduleRepaymentCommand['payload']> = {}) =>
  new ScheduleRepaymentCommand('case-1', { repaymentId: 'r-1', scheduledFor: '2023-09-01', ...payload }, context);
const history = [opened, imposed('s-1'), reviewed('s-1'), assessed('r-1', { assessedOn: '2023-07-01' })];
const scheduled: RepaymentScheduled = { id: 'ev-scheduled', type: 'RepaymentScheduled', data: { repaymentId: 'r-1', scheduledFor: '2023-08-01' } };
const issued: RepaymentIssued = { id: 'ev-issued', type: 'RepaymentIssued', data: { repaymentId: 'r-1', issuedOn: '2023-07-20' } };

describe('schedule repayment', () => {
  it('schedules an assessed repayment, on the day of assessment at the earliest', () => {
    given(citizenCase, history).when(scheduleRepayment, command()).then([{ type: 'RepaymentScheduled', data: { repaymentId: 'r-1', scheduledFor: '2023-09-01' } }]);
    expect(given(citizenCase, history).when(scheduleRepayment, command({ scheduledFor: '2023-07-01' })).events()).toHaveLength(1);
  });

  it('refuses in a case that was never opened', () => {
    const refused = given(citizenCase, []).when(scheduleRepayment, command());
    refused.thenRefuses('CASE.NOT_FOUND');
    expect(refusalKind(refused)).toBe('not_found');
  });

  it('refuses an unknown repayment', () => {
    const refused = given(citizenCase, history).when(scheduleRepayment, command({ repaymentId: 'r-9' }));
    refused.thenRefuses('REPAYMENT.NOT_FOUND', 'repaymentId');
    expect(refusalKind(refused)).toBe('not_found');
  });

  it('refuses a repayment already scheduled', () => {
    const refused = given(citizenCase, [...history, scheduled]).when(scheduleRepayment, command());
    refused.thenRefuses('REPAYMENT.ALREADY_SCHEDULED');
    expect(refusalKind(refused)).toBe('conflict');
  });

  it('refuses a repayment already issued', () => {
    const refused = given(citizenCase, [...history, issued]).when(scheduleRepayment, command());
    refused.thenRefuses('REPAYMENT.ALREADY_ISSUED');
    expect(refusalKind(refused)).toBe('conflict');
  });

  it('refuses a date before the assessment', () => {
    given(citizenCase, history).when(scheduleRepayment, command({ scheduledFor: '2023-06-30' })).thenRefuses('REPAYMENT.SCHEDULED_BEFORE_ASSESSMENT', 'scheduledFor');
  });

  it('refuses a date that is not a calendar date', () => {
    given(citizenCase, history).when(scheduleRepayment, command({ scheduledFor: '2023-09-31' })).thenRefuses('DATE.INVALID', 'scheduledFor');
  });
});
