import { given } from '@casetrail/testing';
import { citizenCase } from '../citizen-case.state';
import { closed, context, opened, refusalKind, today } from '../fixtures/citizen-case.fixtures';
import { ReopenCaseCommand } from './reopen-case.command';
import { reopenCase } from './reopen-case.decide';

const command = (payload: Partial<ReopenCaseCommand['payload']> = {}) =>
  new ReopenCaseCommand('case-1', { reason: ' Practice survey: sanction under review ', reopenedOn: '2023-05-01', ...payload }, context);
const history = [opened, closed({ closedOn: '2022-01-10' })];

describe('reopen case', () => {
  it('reopens a closed case with the trimmed reason', () => {
    given(citizenCase, history)
      .when(reopenCase, command())
      .then([{ type: 'CaseReopened', data: { reason: 'Practice survey: sanction under review', reopenedOn: '2023-05-01' } }]);
  });

  it('reopens on the effective date when none is given', () => {
    const [event] = given(citizenCase, history).when(reopenCase, command({ reopenedOn: undefined })).events();
    expect(event.data.reopenedOn).toBe(today);
  });

  it('refuses a case that was never opened', () => {
    const refused = given(citizenCase, []).when(reopenCase, command());
    refused.thenRefuses('CASE.NOT_FOUND');
    expect(refusalKind(refused)).toBe('not_found');
  });

  it('refuses a case that is open', () => {
    const refused = given(citizenCase, [opened]).when(reopenCase, command());
    refused.thenRefuses('CASE.NOT_CLOSED');
    expect(refusalKind(refused)).toBe('conflict');
  });

  it('refuses a blank reason', () => {
    given(citizenCase, history).when(reopenCase, command({ reason: ' ' })).thenRefuses('CASE.REOPEN_REASON_MISSING', 'reason');
  });

  it('refuses a reopening before the closure', () => {
    given(citizenCase, history).when(reopenCase, command({ reopenedOn: '2022-01-09' })).thenRefuses('CASE.REOPENED_BEFORE_CLOSED', 'reopenedOn');
  });

  it('refuses a reopening date that is not a calendar date', () => {
    given(citizenCase, history).when(reopenCase, command({ reopenedOn: '2023-02-29' })).thenRefuses('DATE.INVALID', 'reopenedOn');
  });
});
