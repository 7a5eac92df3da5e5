import { given } from '@casetrail/testing';
import { citizenCase } from '../citizen-case.state';
import { closed, context, imposed, opened, refusalKind, reviewed, today } from '../fixtures/citizen-case.fixtures';
import { ReviewSanctionCommand } from './review-sanction.command';
import { reviewSanction } from './review-sanction.decide';

const command = (payload: Partial<ReviewSanctionCommand['payload']> = {}) =>
  new ReviewSanctionCommand(
    'case-1',
    {
      sanctionId: 's-1',
      outcome: 'ERROR',
      errorCategories: ['MISSING_WRITTEN_GUIDANCE', 'NO_CONCRETE_ASSESSMENT'],
      wouldChangeOnAppeal: true,
      reviewer: ' legal-audit-1 ',
      reviewedOn: '2023-06-01',
      ...payload,
    },
    context,
  );
const history = [opened, imposed('s-1')];

describe('review sanction', () => {
  it('records an error finding with its categories and the trimmed reviewer', () => {
    given(citizenCase, history).when(reviewSanction, command()).then([
      {
        type: 'SanctionReviewed',
        data: {
          sanctionId: 's-1',
          outcome: 'ERROR',
          errorCategories: ['MISSING_WRITTEN_GUIDANCE', 'NO_CONCRETE_ASSESSMENT'],
          wouldChangeOnAppeal: true,
          reviewer: 'legal-audit-1',
          reviewedOn: '2023-06-01',
        },
      },
    ]);
  });

  it('records a correct finding in a closed case, dated on the effective date', () => {
    const [event] = given(citizenCase, [...history, closed()])
      .when(reviewSanction, command({ outcome: 'CORRECT', errorCategories: [], wouldChangeOnAppeal: false, reviewedOn: undefined }))
      .events();
    expect(event.data).toMatchObject({ outcome: 'CORRECT', errorCategories: [], reviewedOn: today });
  });

  it('refuses in a case that was never opened', () => {
    const refused = given(citizenCase, []).when(reviewSanction, command());
    refused.thenRefuses('CASE.NOT_FOUND');
    expect(refusalKind(refused)).toBe('not_found');
  });

  it('refuses an unknown sanction', () => {
    const refused = given(citizenCase, history).when(reviewSanction, command({ sanctionId: 's-9' }));
    refused.thenRefuses('SANCTION.NOT_FOUND', 'sanctionId');
    expect(refusalKind(refused)).toBe('not_found');
  });

  it('refuses a second review: a wrong review is corrected, not reviewed again', () => {
    const refused = given(citizenCase, [...history, reviewed('s-1')]).when(reviewSanction, command());
    refused.thenRefuses('REVIEW.ALREADY_REVIEWED', 'sanctionId');
    expect(refusalKind(refused)).toBe('conflict');
  });

  it.each([
    ['an unknown outcome', { outcome: 'MAYBE' as never }, 'REVIEW.UNKNOWN_OUTCOME', 'outcome'],
    ['an error without a category', { errorCategories: [] }, 'REVIEW.ERROR_WITHOUT_CATEGORY', 'errorCategories'],
    ['categories on a correct decision', { outcome: 'CORRECT' as const }, 'REVIEW.CATEGORIES_ON_CORRECT', 'errorCategories'],
    ['a category outside the catalogue', { errorCategories: ['BAD_LUCK' as never] }, 'REVIEW.UNKNOWN_ERROR_CATEGORY', 'errorCategories'],
    ['a category given twice', { errorCategories: ['OTHER' as const, 'OTHER' as const] }, 'REVIEW.UNKNOWN_ERROR_CATEGORY', 'errorCategories'],
    ['a blank reviewer', { reviewer: '  ' }, 'REVIEW.REVIEWER_MISSING', 'reviewer'],
    ['a review before the decision', { reviewedOn: '2021-03-14' }, 'REVIEW.BEFORE_DECISION', 'reviewedOn'],
    ['a review date that is not a calendar date', { reviewedOn: '2023-13-01' }, 'DATE.INVALID', 'reviewedOn'],
  ])('refuses %s', (_, payload, code, field) => {
    given(citizenCase, history).when(reviewSanction, command(payload)).thenRefuses(code, field);
  });
});
