import { DomainError } from '../shared/domain-error';
import type { AttendanceEntry } from './committee-item.events';
import type { CommitteeItemState } from './committee-item.state';

/** The item must have been opened (404 otherwise). */
export function requireItem(state: CommitteeItemState): void {
  if (state.status === 'NONE') throw new DomainError('ITEM.NOT_FOUND', 'No such committee item', { kind: 'not_found' });
}

/** Nothing that shapes the decision is recorded once it is taken. */
export function requireUndecided(state: CommitteeItemState): void {
  if (state.decision) throw new DomainError('ITEM.ALREADY_DECIDED', 'A decision is already recorded for this item', { kind: 'conflict' });
}

/** Who takes part in the item: members recorded present, and substitutes for absent members. */
export function participants(attendance: Readonly<Record<string, AttendanceEntry>>): ReadonlySet<string> {
  const ids = new Set<string>();
  for (const entry of Object.values(attendance)) {
    if (entry.status === 'PRESENT') ids.add(entry.memberId);
    else if (entry.substituteMemberId) ids.add(entry.substituteMemberId);
  }
  return ids;
}

export function requireParticipant(state: CommitteeItemState, memberId: string, code: string, field: string): void {
  if (!participants(state.attendance).has(memberId)) {
    throw new DomainError(code, `Member ${memberId} is not recorded present for this item`, { field });
  }
}

/** A text field that must say something. */
export function requireText(value: string, code: string, field: string): string {
  const text = value.trim();
  if (text === '') throw new DomainError(code, `${field} cannot be blank`, { field });
  return text;
}
