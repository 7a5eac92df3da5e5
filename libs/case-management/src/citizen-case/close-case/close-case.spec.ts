import { given } from '@casetrail/testing';
import { citizenCase } from '../citizen-case.state';
import { closed, context, opened, refusalKind, today } from '../fixtures/citizen-case.fixtures';
import { CloseCaseCommand } from './close-case.command';
import { closeCase } from './close-case.decide';

const command = (payload: Partial<CloseCaseCommand['payload']> = {}) =>
  new CloseCaseCommand('case-1', { reason: 'SELF_SUPPORTING', closedOn: '2022-01-10', ...payload }, context);

describe('close case', () => {
  it('closes an open case with a reason from the catalogue', () => {
    given(citizenCase, [opened]).when(closeCase, command()).then([{ type: 'CaseClosed', data: { reason: 'SELF_SUPPORTING', closedOn: '2022-01-10' } }]);
  });

  it('closes on the effective date when none is given, and on the opening day at the earliest', () => {
    given(citizenCase, [opened]).when(closeCase, command({ closedOn: undefined })).then([{ type: 'CaseClosed', data: { reason: 'SELF_SUPPORTING', closedOn: today } }]);
    expect(given(citizenCase, [opened]).when(closeCase, command({ closedOn: opened.data.openedOn })).events()).toHaveLength(1);
  });

  it('refuses a case that was never opened', () => {
    const refused = given(citizenCase, []).when(closeCase, command());
    refused.thenRefuses('CASE.NOT_FOUND');
    expect(refusalKind(refused)).toBe('not_found');
  });

  it('refuses a case already closed', () => {
    const refused = given(citizenCase, [opened, closed()]).when(closeCase, command());
    refused.thenRefuses('CASE.ALREADY_CLOSED');
    expect(refusalKind(refused)).toBe('conflict');
  });

  it('refuses a reason outside the catalogue', () => {
    given(citizenCase, [opened]).when(closeCase, command({ reason: 'BORED' as never })).thenRefuses('CASE.UNKNOWN_CLOSURE_REASON', 'reason');
  });

  it('refuses a closing date before the opening', () => {
    given(citizenCase, [opened]).when(closeCase, command({ closedOn: '2020-01-01' })).thenRefuses('CASE.CLOSED_BEFORE_OPENED', 'closedOn');
  });

  it('refuses a closing date that is not a calendar date', () => {
    given(citizenCase, [opened]).when(closeCase, command({ closedOn: '2022-01-1' })).thenRefuses('DATE.INVALID', 'closedOn');
  });
});
