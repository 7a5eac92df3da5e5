import { requireIsoDate } from '../../shared/dates';
import { DomainError } from '../../shared/domain-error';
import type { RepaymentScheduled } from '../citizen-case.events';
import { requireCase, requireRepayment } from '../citizen-case.rules';
import type { CitizenCaseState } from '../citizen-case.state';
import type { ScheduleRepaymentCommand } from './schedule-repayment.command';

export function scheduleRepayment(command: ScheduleRepaymentCommand, state: CitizenCaseState): RepaymentScheduled[] {
  requireCase(state);
  const { repaymentId } = command.payload;
  const repayment = requireRepayment(state, repaymentId);
  if (repayment.status === 'SCHEDULED') {
    throw new DomainError(
      'REPAYMENT.ALREADY_SCHEDULED',
      `Repayment ${repaymentId} is scheduled for ${repayment.scheduledFor}`,
      { kind: 'conflict' },
    );
  }
  if (repayment.status === 'ISSUED') {
    throw new DomainError('REPAYMENT.ALREADY_ISSUED', `Repayment ${repaymentId} was issued on ${repayment.issuedOn}`, { kind: 'conflict' });
  }
  const scheduledFor = requireIsoDate(command.payload.scheduledFor, 'scheduledFor');
  if (scheduledFor < repayment.assessedOn) {
    throw new DomainError(
      'REPAYMENT.SCHEDULED_BEFORE_ASSESSMENT',
      `The repayment was assessed on ${repayment.assessedOn}`,
      { field: 'scheduledFor' },
    );
  }
  return [{ type: 'RepaymentScheduled', data: { repaymentId, scheduledFor } }];
}
