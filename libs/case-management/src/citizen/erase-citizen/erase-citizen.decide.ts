import { effectiveDate } from '../../shared/dates';
import { DomainError } from '../../shared/domain-error';
import type { CitizenErased } from '../citizen.events';
import type { CitizenState } from '../citizen.state';
import type { EraseCitizenCommand } from './erase-citizen.command';

export const MAX_ERASURE_REASON_LENGTH = 2000;
const CPR_SHAPED = /(?<!\d)\d{6}-?\d{4}(?!\d)/;

export function eraseCitizen(command: EraseCitizenCommand, state: CitizenState): CitizenErased[] {
  if (state.status === 'ERASED') {
    throw new DomainError('CITIZEN.ALREADY_ERASED', `The citizen was erased on ${state.erasedOn}`, { kind: 'conflict' });
  }
  const reason = requireErasureReason(command.payload.reason);
  return [{ type: 'CitizenErased', data: { citizenRef: command.citizenRef, reason, erasedOn: effectiveDate(command.context) } }];
}

/**
 * The reason, trimmed: not blank, at most 2000 characters, and without a CPR number, since the event
 * outlives the erasure. Exported so that the host can refuse a reason before it destroys the key.
 */
export function requireErasureReason(given: string): string {
  const reason = given.trim();
  if (reason === '') throw new DomainError('CITIZEN.ERASURE_REASON_MISSING', 'State why the citizen is erased', { field: 'reason' });
  if (reason.length > MAX_ERASURE_REASON_LENGTH) {
    throw new DomainError('CITIZEN.ERASURE_REASON_TOO_LONG', `The reason is at most ${MAX_ERASURE_REASON_LENGTH} characters`, { field: 'reason' });
  }
  if (CPR_SHAPED.test(reason)) {
    throw new DomainError('CITIZEN.ERASURE_REASON_HOLDS_CPR', 'The reason must not contain a CPR number', { field: 'reason' });
  }
  return reason;
}
