import { DomainError } from '../../shared/domain-error';
import type { RepaymentIssued } from '../citizen-case.events';
import { dateOrEffective, requireCase, requireRepayment } from '../citizen-case.rules';
import type { CitizenCaseState } from '../citizen-case.state';
import type { IssueRepaymentCommand } from './issue-repayment.command';

/** Pays out an assessed repayment, whether or not it was scheduled first. */
export function issueRepayment(command: IssueRepaymentCommand, state: CitizenCaseState): RepaymentIssued[] {
  requireCase(state);
  const { repaymentId } = command.payload;
  const repayment = requireRepayment(state, repaymentId);
  if (repayment.status === 'ISSUED') {
    throw new DomainError('REPAYMENT.ALREADY_ISSUED', `Repayment ${repaymentId} was issued on ${repayment.issuedOn}`, { kind: 'conflict' });
  }
  const issuedOn = dateOrEffective(command.payload.issuedOn, 'issuedOn', command.context);
  if (issuedOn < repayment.assessedOn) {
    throw new DomainError(
      'REPAYMENT.ISSUED_BEFORE_ASSESSMENT',
      `The repayment was assessed on ${repayment.assessedOn}`,
      { field: 'issuedOn' },
    );
  }
  return [{ type: 'RepaymentIssued', data: { repaymentId, issuedOn } }];
}
