import { DomainError } from '../shared/domain-error';
import type { CommitteeMemberState, PartyPeriod } from './committee-member.state';

/** The member must have been registered (404 otherwise). */
export function requireMember(state: CommitteeMemberState): void {
  if (state.status === 'NONE') throw new DomainError('MEMBER.NOT_FOUND', 'No such committee member', { kind: 'not_found' });
}

/** A name as written, trimmed and with single spaces. */
export function tidyName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

/** Two spellings are the same when they differ only in case and spacing. */
export function sameName(a: string, b: string): boolean {
  return tidyName(a).toLocaleLowerCase('da') === tidyName(b).toLocaleLowerCase('da');
}

/** Whether two inclusive date ranges share a day (`to: null` is open-ended). */
export function periodsOverlap(a: Pick<PartyPeriod, 'from' | 'to'>, b: Pick<PartyPeriod, 'from' | 'to'>): boolean {
  return (a.to === null || b.from <= a.to) && (b.to === null || a.from <= b.to);
}

/**
 * The member's party on a date: a party letter, null when outside any party (løsgænger), or
 * undefined when no membership is recorded for that day.
 */
export function partyOn(state: CommitteeMemberState, date: string): string | null | undefined {
  return state.partyPeriods.find((p) => periodsOverlap(p, { from: date, to: date }))?.party;
}
