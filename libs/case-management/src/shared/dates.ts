import type { CommandContext } from '@casetrail/event-store';
import { DomainError } from './domain-error';

const COPENHAGEN = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date in Denmark at an instant (yyyy-mm-dd): 23:30 UTC on 28 June is 29 June here. */
export function danishDate(instant: Date): string {
  return COPENHAGEN.format(instant);
}

/** The date a command's facts took effect: its effective time, else when it was recorded. */
export function effectiveDate(context: CommandContext): string {
  return danishDate(context.effectiveAt ?? context.recordedAt);
}

/** A real calendar date in ISO form, or a refusal naming the field. */
export function requireIsoDate(value: string, field: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!match || !date || date.toISOString().slice(0, 10) !== value) {
    throw new DomainError('DATE.INVALID', `${field} must be a calendar date yyyy-mm-dd`, { field });
  }
  return value;
}
