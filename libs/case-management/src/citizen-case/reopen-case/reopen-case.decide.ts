import { DomainError } from '../../shared/domain-error';
import type { CaseReopened } from '../citizen-case.events';
import { dateOrEffective, requireCase, requireText } from '../citizen-case.rules';
import type { CitizenCaseState } from '../citizen-case.state';
import type { ReopenCaseCommand } from './reopen-case.command';

export function reopenCase(command: ReopenCaseCommand, state: CitizenCaseState): CaseReopened[] {
  requireCase(state);
  if (state.status !== 'CLOSED' || state.closure === null) {
    throw new DomainError('CASE.NOT_CLOSED', 'The case is open', { kind: 'conflict' });
  }
  const reason = requireText(command.payload.reason, 'CASE.REOPEN_REASON_MISSING', 'Say why the case is reopened', 'reason');
  const reopenedOn = dateOrEffective(command.payload.reopenedOn, 'reopenedOn', command.context);
  if (reopenedOn < state.closure.closedOn) {
    throw new DomainError('CASE.REOPENED_BEFORE_CLOSED', `The case was closed on ${state.closure.closedOn}`, { field: 'reopenedOn' });
  }
  return [{ type: 'CaseReopened', data: { reason, reopenedOn } }];
}
