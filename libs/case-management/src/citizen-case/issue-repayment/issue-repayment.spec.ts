import { given } from '@casetrail/testing';
import type { RepaymentIssued, RepaymentScheduled } from '../citizen-case.events';
import { citizenCase } from '../citizen-case.state';
import { assessed, context, imposed, opened, refusalKind, reviewed, today } from '../fixtures/citizen-case.fixtures';
import { IssueRepaymentCommand } from './issue-repayment.command';
import { issueRepayment } from './issue-repayment.decide';

const command = (payload: Partial<IssueRepaymentCommand['payload']> = {}) =>
  new IssueRepaymentCommand('case-1', { repaymentId: 'r-1', issuedOn: '2023-07-20', ...payload }, context);
const history = [opened, imposed('s-1'), reviewed('s-1'), assessed('r-1', { assessedOn: '2023-07-01' })];
const scheduled: RepaymentScheduled = { id: 'ev-scheduled', type: 'RepaymentScheduled', data: { repaymentId: 'r-1', scheduledFor: '2023-08-01' } };
const issued: RepaymentIssued = { id: 'ev-issued', type: 'RepaymentIssued', data: { repaymentId: 'r-1', issuedOn: '2023-07-20' } };

describe('issue repayment', () => {
  it('issues an assessed repayment', () => {
    given(citizenCase, history).when(issueRepayment, command()).then([{ type: 'RepaymentIssued', data: { repaymentId: 'r-1', issuedOn: '2023-07-20' } }]);
  });

  it('issues a scheduled repayment, on the effective date when none is given', () => {
    given(citizenCase, [...history, scheduled])
      .when(issueRepayment, command({ issuedOn: undefined }))
      .then([{ type: 'RepaymentIssued', data: { repaymentId: 'r-1', issuedOn: today } }]);
  });

  it('refuses in a case that was never opened', () => {
    const refused = given(citizenCase, []).when(issueRepayment, command());
    refused.thenRefuses('CASE.NOT_FOUND');
    expect(refusalKind(refused)).toBe('not_found');
  });

  it('refuses an unknown repayment', () => {
    const refused = given(citizenCase, history).when(issueRepayment, command({ repaymentId: 'r-9' }));
    refused.thenRefuses('REPAYMENT.NOT_FOUND', 'repaymentId');
    expect(refusalKind(refused)).toBe('not_found');
  });

  it('refuses a repayment already issued', () => {
    const refused = given(citizenCase, [...history, issued]).when(issueRepayment, command());
    refused.thenRefuses('REPAYMENT.ALREADY_ISSUED');
    expect(refusalKind(refused)).toBe('conflict');
  });

  it('refuses an issue date before the assessment', () => {
    given(citizenCase, history).when(issueRepayment, command({ issuedOn: '2023-06-30' })).thenRefuses('REPAYMENT.ISSUED_BEFORE_ASSESSMENT', 'issuedOn');
  });

  it('refuses an issue date that is not a calendar date', () => {
    given(citizenCase, history).when(issueRepayment, command({ issuedOn: '20230720' })).thenRefuses('DATE.INVALID', 'issuedOn');
  });
});
