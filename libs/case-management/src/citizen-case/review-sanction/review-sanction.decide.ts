import { DomainError } from '../../shared/domain-error';
import { ERROR_CATEGORIES, REVIEW_OUTCOMES, type ErrorCategory, type ReviewOutcome } from '../catalogue/case-catalogues';
import type { SanctionReviewed } from '../citizen-case.events';
import { dateOrEffective, requireCase, requireSanction, requireText } from '../citizen-case.rules';
import type { CitizenCaseState } from '../citizen-case.state';
import type { ReviewSanctionCommand } from './review-sanction.command';

export interface ReviewFindings {
  readonly outcome: ReviewOutcome;
  readonly errorCategories: readonly ErrorCategory[];
}

/** The rules a review's findings obey, when reviewed and after a correction; `at` prefixes the fields. */
export function validateReviewFindings({ outcome, errorCategories }: ReviewFindings, at = ''): void {
  if (!REVIEW_OUTCOMES.includes(outcome)) {
    throw new DomainError('REVIEW.UNKNOWN_OUTCOME', `Outcome must be one of ${REVIEW_OUTCOMES.join(', ')}`, { field: `${at}outcome` });
  }
  const field = `${at}errorCategories`;
  if (outcome === 'ERROR' && errorCategories.length === 0) {
    throw new DomainError('REVIEW.ERROR_WITHOUT_CATEGORY', 'Name at least one error category for a decision in error', { field });
  }
  if (outcome === 'CORRECT' && errorCategories.length > 0) {
    throw new DomainError('REVIEW.CATEGORIES_ON_CORRECT', 'A correct decision has no error categories', { field });
  }
  const unknown = errorCategories.some((category) => !ERROR_CATEGORIES.includes(category));
  if (unknown || new Set(errorCategories).size !== errorCategories.length) {
    throw new DomainError(
      'REVIEW.UNKNOWN_ERROR_CATEGORY',
      `Error categories are distinct values of ${ERROR_CATEGORIES.join(', ')}`,
      { field },
    );
  }
}

/** A sanction is reviewed once; a wrong review is corrected with correct-fact. Closed cases are reviewed too. */
export function reviewSanction(command: ReviewSanctionCommand, state: CitizenCaseState): SanctionReviewed[] {
  requireCase(state);
  const { sanctionId, outcome, errorCategories, wouldChangeOnAppeal } = command.payload;
  const sanction = requireSanction(state, sanctionId);
  if (sanction.review) {
    throw new DomainError(
      'REVIEW.ALREADY_REVIEWED',
      `Sanction ${sanctionId} has been reviewed; correct the review instead`,
      { kind: 'conflict', field: 'sanctionId' },
    );
  }
  validateReviewFindings({ outcome, errorCategories });
  const reviewer = requireText(command.payload.reviewer, 'REVIEW.REVIEWER_MISSING', 'Name the reviewer', 'reviewer');
  const reviewedOn = dateOrEffective(command.payload.reviewedOn, 'reviewedOn', command.context);
  if (reviewedOn < sanction.decidedOn) {
    throw new DomainError('REVIEW.BEFORE_DECISION', `The sanction was decided on ${sanction.decidedOn}`, { field: 'reviewedOn' });
  }
  const findings = { outcome, errorCategories: [...errorCategories], wouldChangeOnAppeal };
  return [{ type: 'SanctionReviewed', data: { sanctionId, ...findings, reviewer, reviewedOn } }];
}
