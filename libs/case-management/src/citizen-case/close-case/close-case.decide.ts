import { DomainError } from '../../shared/domain-error';
import { CLOSURE_REASONS } from '../catalogue/case-catalogues';
import type { CaseClosed } from '../citizen-case.events';
import { dateOrEffective, requireCase } from '../citizen-case.rules';
import type { CitizenCaseState } from '../citizen-case.state';
import type { CloseCaseCommand } from './close-case.command';

export function closeCase(command: CloseCaseCommand, state: CitizenCaseState): CaseClosed[] {
  requireCase(state);
  if (state.status === 'CLOSED') {
    throw new DomainError('CASE.ALREADY_CLOSED', `The case was closed on ${state.closure?.closedOn}`, { kind: 'conflict' });
  }
  const { reason } = command.payload;
  if (!CLOSURE_REASONS.includes(reason)) {
    throw new DomainError('CASE.UNKNOWN_CLOSURE_REASON', `Reason must be one of ${CLOSURE_REASONS.join(', ')}`, { field: 'reason' });
  }
  const closedOn = dateOrEffective(command.payload.closedOn, 'closedOn', command.context);
  if (state.openedOn !== null && closedOn < state.openedOn) {
    throw new DomainError('CASE.CLOSED_BEFORE_OPENED', `The case was opened on ${state.openedOn}`, { field: 'closedOn' });
  }
  return [{ type: 'CaseClosed', data: { reason, closedOn } }];
}
