import { DomainError } from '../../shared/domain-error';
import type { CorrectionTarget, FactCorrected } from '../citizen-case.events';
import { requireCase, requireLegalArea, requireOwningUnit, requireSanction, requireText } from '../citizen-case.rules';
import type { CitizenCaseState } from '../citizen-case.state';
import { legalBasisOf, validateSanctionFacts } from '../impose-sanction/impose-sanction.decide';
import { validateReviewFindings } from '../review-sanction/review-sanction.decide';
import type { CorrectFactCommand, CorrectionRequest } from './correct-fact.command';

const AT = 'target.changes.';

/** A wrong fact is corrected by a new event naming the one it corrects; the corrected facts obey the original rules. */
export function correctFact(command: CorrectFactCommand, state: CitizenCaseState): FactCorrected[] {
  requireCase(state);
  const { correctsEventId, target } = command.payload;
  const reason = requireText(command.payload.reason, 'CORRECTION.REASON_MISSING', 'Say why the fact is corrected', 'reason');
  return [{ type: 'FactCorrected', data: { correctsEventId, target: correctedTarget(target, correctsEventId, state), reason } }];
}

function correctedTarget(target: CorrectionRequest, correctsEventId: string, state: CitizenCaseState): CorrectionTarget {
  switch (target.kind) {
    case 'case': {
      requireEventAmong(state.eventIds, correctsEventId);
      const { owningUnit, legalArea } = target.changes;
      const changes = nonEmpty({
        owningUnit: owningUnit === undefined ? undefined : requireOwningUnit(owningUnit, `${AT}owningUnit`),
        legalArea: legalArea === undefined ? undefined : requireLegalArea(legalArea, `${AT}legalArea`),
      });
      return { kind: 'case', changes };
    }
    case 'sanction': {
      const sanction = requireSanction(state, target.sanctionId, 'target.sanctionId');
      requireEventAmong(sanction.eventIds, correctsEventId);
      const { sanctionType, breachDate, period, amountDeductedOre } = target.changes;
      const changes = nonEmpty({ sanctionType, breachDate, period: period && { from: period.from, to: period.to }, amountDeductedOre });
      const type = validateSanctionFacts({ ...sanction, ...changes }, AT);
      const legalBasis = sanctionType === undefined ? {} : { legalBasis: legalBasisOf(type) };
      return { kind: 'sanction', sanctionId: sanction.sanctionId, changes: { ...changes, ...legalBasis } };
    }
    case 'review': {
      const sanction = requireSanction(state, target.sanctionId, 'target.sanctionId');
      if (!sanction.review) throw new DomainError('CORRECTION.NO_REVIEW', 'The sanction has not been reviewed', { field: 'target.sanctionId' });
      requireEventAmong(sanction.eventIds, correctsEventId);
      const { outcome, errorCategories, wouldChangeOnAppeal } = target.changes;
      const changes = nonEmpty({ outcome, errorCategories: errorCategories && [...errorCategories], wouldChangeOnAppeal });
      validateReviewFindings({ ...sanction.review, ...changes }, AT);
      return { kind: 'review', sanctionId: sanction.sanctionId, changes };
    }
    default:
      throw new DomainError('CORRECTION.UNKNOWN_TARGET', 'A correction targets the case, a sanction or a review', { field: 'target.kind' });
  }
}

function requireEventAmong(eventIds: readonly string[], correctsEventId: string): void {
  if (!eventIds.includes(correctsEventId)) {
    throw new DomainError('CORRECTION.UNKNOWN_EVENT', `Event ${correctsEventId} does not state this fact`, { field: 'correctsEventId' });
  }
}

/** The changes actually given (only the known fields: evolve spreads them into state), at least one. */
function nonEmpty<Changes extends object>(changes: Changes): Partial<Changes> {
  const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<Changes>;
  if (Object.keys(given).length === 0) throw new DomainError('CORRECTION.EMPTY', 'Change at least one fact', { field: 'target.changes' });
  return given;
}
