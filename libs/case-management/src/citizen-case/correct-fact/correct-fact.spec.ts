import { given } from '@casetrail/testing';
import type { FactCorrected } from '../citizen-case.events';
import { citizenCase } from '../citizen-case.state';
import { closed, context, imposed, opened, refusalKind, reviewed } from '../fixtures/citizen-case.fixtures';
import { CorrectFactCommand, type CorrectionRequest } from './correct-fact.command';
import { correctFact } from './correct-fact.decide';

const command = (correctsEventId: string, target: CorrectionRequest, reason = ' Entered in the wrong unit ') =>
  new CorrectFactCommand('case-1', { correctsEventId, target, reason }, context);
const sanction = (changes: object) => ({ kind: 'sanction', sanctionId: 's-1', changes }) as CorrectionRequest;
const review = (changes: object) => ({ kind: 'review', sanctionId: 's-1', changes }) as CorrectionRequest;
const history = [opened, imposed('s-1'), reviewed('s-1'), imposed('s-2'), closed()];
const corrected = (correctsEventId: string, target: FactCorrected['data']['target']): FactCorrected[] => [
  { type: 'FactCorrected', data: { correctsEventId, target, reason: 'Entered in the wrong unit' } },
];

describe('correct fact', () => {
  it('corrects a case fact in a closed case, keeping only the known fields', () => {
    const target = { kind: 'case', changes: { owningUnit: ' Jobcenter Syd ', legalArea: 'LAB', status: 'NONE' } } as CorrectionRequest;
    given(citizenCase, history).when(correctFact, command('ev-closed', target)).then(corrected('ev-closed', { kind: 'case', changes: { owningUnit: 'Jobcenter Syd', legalArea: 'LAB' } }));
  });

  it("corrects a sanction's type, taking the legal basis from the catalogue and never from the caller", () => {
    const generic = { law: 'aktivloven', paragraph: null, subsection: null, version: 'uspecificeret' };
    given(citizenCase, history)
      .when(correctFact, command('ev-imposed-s-1', sanction({ sanctionType: 'AKTL_AVAILABILITY_GENERIC', legalBasis: { law: 'made up' } })))
      .then(corrected('ev-imposed-s-1', { kind: 'sanction', sanctionId: 's-1', changes: { sanctionType: 'AKTL_AVAILABILITY_GENERIC', legalBasis: generic } }));
  });

  it("corrects a sanction's amount and period, naming its review", () => {
    const changes = { amountDeductedOre: 250_000, period: { from: '2021-04-01', to: '2021-04-30' } };
    given(citizenCase, history).when(correctFact, command('ev-reviewed-s-1', sanction(changes))).then(corrected('ev-reviewed-s-1', { kind: 'sanction', sanctionId: 's-1', changes }));
  });

  it('corrects a review from ERROR to CORRECT, and then corrects that correction', () => {
    const toCorrect = { outcome: 'CORRECT', errorCategories: [], wouldChangeOnAppeal: false };
    const [first] = given(citizenCase, history).when(correctFact, command('ev-reviewed-s-1', review(toCorrect))).events();
    expect(first.data.target).toEqual({ kind: 'review', sanctionId: 's-1', changes: toCorrect });
    const back = { outcome: 'ERROR', errorCategories: ['DEADLINE_EXCEEDED'] };
    given(citizenCase, [...history, { ...first, id: 'ev-corrected-1' }])
      .when(correctFact, command('ev-corrected-1', review(back)))
      .then(corrected('ev-corrected-1', { kind: 'review', sanctionId: 's-1', changes: back as never }));
  });

  it('refuses in a case that was never opened', () => {
    const refused = given(citizenCase, []).when(correctFact, command('ev-opened', { kind: 'case', changes: { owningUnit: 'X' } }));
    refused.thenRefuses('CASE.NOT_FOUND');
    expect(refusalKind(refused)).toBe('not_found');
  });

  it.each([
    ['a blank reason', command('ev-opened', { kind: 'case', changes: { owningUnit: 'X' } }, '  '), 'CORRECTION.REASON_MISSING', 'reason'],
    ["a case correction naming a sanction's event", command('ev-imposed-s-1', { kind: 'case', changes: { owningUnit: 'X' } }), 'CORRECTION.UNKNOWN_EVENT', 'correctsEventId'],
    ["a sanction correction naming another sanction's event", command('ev-imposed-s-2', sanction({ amountDeductedOre: 1 })), 'CORRECTION.UNKNOWN_EVENT', 'correctsEventId'],
    ['a review correction naming a case event', command('ev-opened', review({ wouldChangeOnAppeal: false })), 'CORRECTION.UNKNOWN_EVENT', 'correctsEventId'],
    ['an unknown sanction', command('ev-imposed-s-1', { kind: 'sanction', sanctionId: 's-9', changes: { amountDeductedOre: 1 } }), 'SANCTION.NOT_FOUND', 'target.sanctionId'],
    ['a review correction of a sanction not reviewed', command('ev-imposed-s-2', { kind: 'review', sanctionId: 's-2', changes: { outcome: 'CORRECT' } }), 'CORRECTION.NO_REVIEW', 'target.sanctionId'],
    ['no changes', command('ev-opened', { kind: 'case', changes: {} }), 'CORRECTION.EMPTY', 'target.changes'],
    ['changes that are all left out', command('ev-imposed-s-1', sanction({ breachDate: undefined })), 'CORRECTION.EMPTY', 'target.changes'],
    ['an unknown kind of fact', command('ev-opened', { kind: 'citizen', changes: { cpr: 'x' } } as never), 'CORRECTION.UNKNOWN_TARGET', 'target.kind'],
    ['an unknown legal area', command('ev-opened', { kind: 'case', changes: { legalArea: 'TAX' as never } }), 'CASE.UNKNOWN_LEGAL_AREA', 'target.changes.legalArea'],
    ['an empty legal area', command('ev-opened', { kind: 'case', changes: { legalArea: '' as never } }), 'CASE.UNKNOWN_LEGAL_AREA', 'target.changes.legalArea'],
    ['a blank owning unit', command('ev-opened', { kind: 'case', changes: { owningUnit: ' ' } }), 'CASE.OWNING_UNIT_MISSING', 'target.changes.owningUnit'],
    ['a sanction type outside the catalogue', command('ev-imposed-s-1', sanction({ sanctionType: 'X' })), 'SANCTION.UNKNOWN_TYPE', 'target.changes.sanctionType'],
    ['a type not in force on the breach date', command('ev-imposed-s-1', sanction({ sanctionType: 'STRICTER_AVAILABILITY_2025' })), 'SANCTION.TYPE_NOT_VALID_ON_BREACH_DATE', 'target.changes.breachDate'],
    ['a breach date outside the type', command('ev-imposed-s-1', sanction({ breachDate: '2013-12-31' })), 'SANCTION.TYPE_NOT_VALID_ON_BREACH_DATE', 'target.changes.breachDate'],
    ['a breach after the decision', command('ev-imposed-s-1', sanction({ breachDate: '2021-03-16' })), 'SANCTION.BREACH_AFTER_DECISION', 'target.changes.breachDate'],
    ['a period ending before it starts', command('ev-imposed-s-1', sanction({ period: { from: '2021-05-01', to: '2021-04-30' } })), 'SANCTION.PERIOD_INVALID', 'target.changes.period'],
    ['a zero amount', command('ev-imposed-s-1', sanction({ amountDeductedOre: 0 })), 'SANCTION.AMOUNT_INVALID', 'target.changes.amountDeductedOre'],
    ['a breach date that is not a calendar date', command('ev-imposed-s-1', sanction({ breachDate: '2021-02-30' })), 'DATE.INVALID', 'target.changes.breachDate'],
    ['an unknown review outcome', command('ev-reviewed-s-1', review({ outcome: 'MAYBE' })), 'REVIEW.UNKNOWN_OUTCOME', 'target.changes.outcome'],
    ['an error review left without categories', command('ev-reviewed-s-1', review({ errorCategories: [] })), 'REVIEW.ERROR_WITHOUT_CATEGORY', 'target.changes.errorCategories'],
    ['a correct review that keeps its categories', command('ev-reviewed-s-1', review({ outcome: 'CORRECT' })), 'REVIEW.CATEGORIES_ON_CORRECT', 'target.changes.errorCategories'],
    ['an error category outside the catalogue', command('ev-reviewed-s-1', review({ errorCategories: ['BAD_LUCK'] })), 'REVIEW.UNKNOWN_ERROR_CATEGORY', 'target.changes.errorCategories'],
  ])('refuses %s', (_, when, code, field) => {
    given(citizenCase, history).when(correctFact, when).thenRefuses(code, field);
  });
});
