import { DomainError } from '../shared/domain-error';
import type { CitizenCaseState, Sanction } from './citizen-case.state';

/** The case must have been opened (404 otherwise). */
export function requireCase(state: CitizenCaseState): void {
  if (state.status === 'NONE') throw new DomainError('CASE.NOT_FOUND', 'No such citizen case', { kind: 'not_found' });
}

/** The case must be open: new sanctions are not imposed in a closed case. */
export function requireOpenCase(state: CitizenCaseState): void {
  requireCase(state);
  if (state.status === 'CLOSED') throw new DomainError('CASE.CLOSED', 'The case is closed; reopen it first');
}

export function requireSanction(state: CitizenCaseState, sanctionId: string, field = 'sanctionId'): Sanction {
  const sanction = state.sanctions[sanctionId];
  if (!sanction) throw new DomainError('SANCTION.NOT_FOUND', `No sanction ${sanctionId} in this case`, { kind: 'not_found', field });
  return sanction;
}
