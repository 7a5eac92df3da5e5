import type { DomainEvent } from '@casetrail/event-store';

/**
 * The citizen's data key was destroyed in the personal-data vault (crypto-shredding): their CPR
 * number and every field encrypted for them are unreadable from then on. Case facts stay, under
 * the pseudonymous reference.
 */
export type CitizenErased = DomainEvent<
  'CitizenErased',
  {
    /** Pseudonymous reference into the personal-data vault; never a CPR number. */
    readonly citizenRef: string;
    /** Why the citizen was erased, e.g. the request or the rule that required it. */
    readonly reason: string;
    /** yyyy-mm-dd, in Denmark. */
    readonly erasedOn: string;
  }
>;

export type CitizenEvent = CitizenErased;
