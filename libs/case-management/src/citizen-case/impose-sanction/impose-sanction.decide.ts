import { requireIsoDate } from '../../shared/dates';
import { DomainError } from '../../shared/domain-error';
import { findSanctionType, isValidOn, type SanctionType } from '../catalogue/sanction-types';
import type { IsoDate, LegalBasis, SanctionImposed } from '../citizen-case.events';
import { dateOrEffective, isPositiveOre, requireOpenCase } from '../citizen-case.rules';
import type { CitizenCaseState } from '../citizen-case.state';
import type { ImposeSanctionCommand } from './impose-sanction.command';

export interface SanctionFacts {
  readonly sanctionType: string;
  readonly breachDate: IsoDate;
  readonly period: { readonly from: IsoDate; readonly to: IsoDate };
  readonly amountDeductedOre: number;
  readonly decidedOn: IsoDate;
}

/** The rules a sanction's facts obey, when imposed and after a correction; `at` prefixes the fields. */
export function validateSanctionFacts(facts: SanctionFacts, at = ''): SanctionType {
  requireIsoDate(facts.breachDate, `${at}breachDate`);
  requireIsoDate(facts.period.from, `${at}period.from`);
  requireIsoDate(facts.period.to, `${at}period.to`);
  const type = findSanctionType(facts.sanctionType);
  if (!type) throw new DomainError('SANCTION.UNKNOWN_TYPE', `No sanction type ${facts.sanctionType}`, { field: `${at}sanctionType` });
  if (!isValidOn(type, facts.breachDate)) {
    throw new DomainError('SANCTION.TYPE_NOT_VALID_ON_BREACH_DATE', `${type.code} is not in force then`, { field: `${at}breachDate` });
  }
  if (facts.period.from > facts.period.to) {
    throw new DomainError('SANCTION.PERIOD_INVALID', 'The period ends before it starts', { field: `${at}period` });
  }
  if (facts.breachDate > facts.decidedOn) {
    throw new DomainError('SANCTION.BREACH_AFTER_DECISION', 'The breach cannot come after the decision', { field: `${at}breachDate` });
  }
  if (!isPositiveOre(facts.amountDeductedOre)) {
    throw new DomainError('SANCTION.AMOUNT_INVALID', 'The amount is a positive whole number of øre', { field: `${at}amountDeductedOre` });
  }
  return type;
}

/** The legal basis as cited in the catalogue entry, never as typed by a caller. */
export function legalBasisOf(type: SanctionType): LegalBasis {
  return { law: type.law, paragraph: type.paragraph, subsection: type.subsection, version: type.version };
}

export function imposeSanction(command: ImposeSanctionCommand, state: CitizenCaseState): SanctionImposed[] {
  requireOpenCase(state);
  const { sanctionId, sanctionType, breachDate, period, amountDeductedOre } = command.payload;
  if (state.sanctions[sanctionId]) {
    throw new DomainError('SANCTION.ALREADY_IMPOSED', `Sanction ${sanctionId} is already recorded`, { kind: 'conflict', field: 'sanctionId' });
  }
  const decidedOn = dateOrEffective(command.payload.decidedOn, 'decidedOn', command.context);
  const facts = { sanctionType, breachDate, period: { from: period.from, to: period.to }, amountDeductedOre, decidedOn };
  const type = validateSanctionFacts(facts);
  return [{ type: 'SanctionImposed', data: { sanctionId, ...facts, legalBasis: legalBasisOf(type) } }];
}
