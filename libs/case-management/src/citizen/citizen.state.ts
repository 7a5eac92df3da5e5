import type { Aggregate } from '@casetrail/event-store';
import type { CitizenEvent } from './citizen.events';

/** What the write side knows of a citizen beyond their cases: whether they were erased. */
export interface CitizenState {
  readonly status: 'KNOWN' | 'ERASED';
  readonly citizenRef: string | null;
  readonly erasedOn: string | null;
}

export function initialCitizenState(): CitizenState {
  return { status: 'KNOWN', citizenRef: null, erasedOn: null };
}

export function evolveCitizen(state: CitizenState, event: CitizenEvent): CitizenState {
  switch (event.type) {
    case 'CitizenErased':
      return { status: 'ERASED', citizenRef: event.data.citizenRef, erasedOn: event.data.erasedOn };
    default:
      return state;
  }
}

/** The citizen's fold. */
export const citizen: Aggregate<CitizenState, CitizenEvent> = {
  initialState: initialCitizenState,
  evolve: evolveCitizen,
};

export const CITIZEN_STREAM_PREFIX = 'citizen-';

/** `citizen-<citizenRef>`: the pseudonymous reference, never a CPR number. */
export function citizenStream(citizenRef: string): string {
  return `${CITIZEN_STREAM_PREFIX}${citizenRef}`;
}
