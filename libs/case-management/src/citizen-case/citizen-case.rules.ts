import type { CommandContext } from '@casetrail/event-store';
import { effectiveDate, requireIsoDate } from '../shared/dates';
import { DomainError } from '../shared/domain-error';
import { LEGAL_AREAS, type LegalArea } from './catalogue/case-catalogues';
import type { IsoDate } from './citizen-case.events';
import type { CitizenCaseState, Repayment, Sanction } from './citizen-case.state';

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

/** Every sanction named, each once, in the order given; an unknown one is SANCTION.NOT_FOUND. */
export function requireSanctions(state: CitizenCaseState, sanctionIds: readonly string[], field = 'sanctionIds'): Sanction[] {
  return [...new Set(sanctionIds)].map((sanctionId) => requireSanction(state, sanctionId, field));
}

export function requireRepayment(state: CitizenCaseState, repaymentId: string): Repayment {
  const repayment = state.repayments[repaymentId];
  if (!repayment) {
    throw new DomainError('REPAYMENT.NOT_FOUND', `No repayment ${repaymentId} in this case`, { kind: 'not_found', field: 'repaymentId' });
  }
  return repayment;
}

/** A date from the payload, or the command's effective date (in Denmark) when the caller left it out. */
export function dateOrEffective(value: string | undefined, field: string, context: CommandContext): IsoDate {
  return value === undefined ? effectiveDate(context) : requireIsoDate(value, field);
}

/** Money is integer øre: a positive safe integer. */
export function isPositiveOre(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

/** Trimmed text, or a refusal with `code` when it is missing or blank. */
export function requireText(value: string | undefined, code: string, message: string, field: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') throw new DomainError(code, message, { field });
  return text;
}

/** The case facts' rules, shared by correct-fact (open-case states the same rules inline). */
export function requireLegalArea(legalArea: LegalArea, field = 'legalArea'): LegalArea {
  if (!LEGAL_AREAS.includes(legalArea)) {
    throw new DomainError('CASE.UNKNOWN_LEGAL_AREA', `Legal area must be one of ${LEGAL_AREAS.join(', ')}`, { field });
  }
  return legalArea;
}

export function requireOwningUnit(owningUnit: string, field = 'owningUnit'): string {
  return requireText(owningUnit, 'CASE.OWNING_UNIT_MISSING', 'Name the owning unit', field);
}
