import { parseCaseNumber } from '../shared/case-number/case-number';
import type { CitizenCaseEvent } from './citizen-case.events';
import { citizenCase, type CitizenCaseState } from './citizen-case.state';
import { assessed, closed, imposed, legalBasis40a, lodged, opened, reviewed } from './fixtures/citizen-case.fixtures';

const fold = (events: readonly CitizenCaseEvent[]): CitizenCaseState => events.reduce(citizenCase.evolve, citizenCase.initialState());

const history: CitizenCaseEvent[] = [
  opened,
  imposed('s-1'),
  { id: 'ev-identified', type: 'CitizenIdentified', data: { source: 'PRACTICE_SURVEY', identifiedOn: '2023-05-01', note: 'Survey list 2023' } },
  reviewed('s-1'),
  assessed('r-1', { sanctionIds: ['s-1'], amountOre: 200_000, assessedOn: '2023-07-01' }),
  { id: 'ev-scheduled', type: 'RepaymentScheduled', data: { repaymentId: 'r-1', scheduledFor: '2023-08-01' } },
  { id: 'ev-issued', type: 'RepaymentIssued', data: { repaymentId: 'r-1', issuedOn: '2023-08-02' } },
  lodged('a-1', { sanctionIds: ['s-1'], lodgedOn: '2021-04-01' }),
  { id: 'ev-decided', type: 'AppealDecided', data: { appealId: 'a-1', outcome: 'HJEMVIST', decidedOn: '2021-09-01' } },
  closed({ reason: 'REVIEW_COMPLETED', closedOn: '2023-08-15' }),
  { id: 'ev-reopened', type: 'CaseReopened', data: { reason: 'New information', reopenedOn: '2023-08-20' } },
  { id: 'ev-fix-case', type: 'FactCorrected', data: { correctsEventId: 'ev-opened', target: { kind: 'case', changes: { owningUnit: 'Jobcenter Syd' } }, reason: 'Wrong unit' } },
  {
    id: 'ev-fix-sanction',
    type: 'FactCorrected',
    data: { correctsEventId: 'ev-imposed-s-1', target: { kind: 'sanction', sanctionId: 's-1', changes: { amountDeductedOre: 450_000 } }, reason: 'Typo' },
  },
  {
    id: 'ev-fix-review',
    type: 'FactCorrected',
    data: {
      correctsEventId: 'ev-reviewed-s-1',
      target: { kind: 'review', sanctionId: 's-1', changes: { errorCategories: ['MISSING_WRITTEN_GUIDANCE', 'DEADLINE_EXCEEDED'], wouldChangeOnAppeal: false } },
      reason: 'Deadline also exceeded',
    },
  },
];

describe('citizen case state', () => {
  it('folds a full history into the case as it stands, corrections applied', () => {
    expect(fold(history)).toEqual<CitizenCaseState>({
      status: 'OPEN',
      caseId: 'case-1',
      caseNumber: parseCaseNumber('EMN-2023-05050'),
      citizenRef: 'ref-1',
      legalArea: 'AKTIVLOVEN',
      owningUnit: 'Jobcenter Syd',
      openedOn: '2020-01-02',
      sanctions: {
        's-1': {
          sanctionId: 's-1',
          sanctionType: 'AKTL_40A_STRICTER_AVAILABILITY',
          legalBasis: legalBasis40a,
          breachDate: '2021-03-01',
          period: { from: '2021-04-01', to: '2021-06-30' },
          amountDeductedOre: 450_000,
          decidedOn: '2021-03-15',
          review: {
            outcome: 'ERROR',
            errorCategories: ['MISSING_WRITTEN_GUIDANCE', 'DEADLINE_EXCEEDED'],
            wouldChangeOnAppeal: false,
            reviewer: 'legal-audit-1',
            reviewedOn: '2023-06-01',
          },
          eventIds: ['ev-imposed-s-1', 'ev-reviewed-s-1', 'ev-fix-sanction', 'ev-fix-review'],
        },
      },
      discoveries: [{ source: 'PRACTICE_SURVEY', identifiedOn: '2023-05-01' }],
      repayments: {
        'r-1': { repaymentId: 'r-1', sanctionIds: ['s-1'], amountOre: 200_000, status: 'ISSUED', assessedOn: '2023-07-01', scheduledFor: '2023-08-01', issuedOn: '2023-08-02' },
      },
      appeals: { 'a-1': { appealId: 'a-1', sanctionIds: ['s-1'], lodgedOn: '2021-04-01', outcome: 'HJEMVIST', decidedOn: '2021-09-01' } },
      closure: null,
      eventIds: ['ev-opened', 'ev-closed', 'ev-reopened', 'ev-fix-case'],
    });
  });

  it('stands closed, with its closure, until reopened', () => {
    const closedState = fold(history.slice(0, history.findIndex((e) => e.type === 'CaseReopened')));
    expect(closedState).toMatchObject({ status: 'CLOSED', closure: { reason: 'REVIEW_COMPLETED', closedOn: '2023-08-15' }, eventIds: ['ev-opened', 'ev-closed'] });
  });

  it('moves a repayment through assessed, scheduled and issued', () => {
    const statuses = [5, 6, 7].map((n) => fold(history.slice(0, n)).repayments['r-1']);
    expect(statuses.map((r) => [r.status, r.scheduledFor, r.issuedOn])).toEqual([
      ['ASSESSED', null, null],
      ['SCHEDULED', '2023-08-01', null],
      ['ISSUED', '2023-08-01', '2023-08-02'],
    ]);
  });

  it('records no event ids for events not yet stored', () => {
    const { id: _, ...unstored } = opened;
    expect(fold([unstored as CitizenCaseEvent]).eventIds).toEqual([]);
  });

  it('ignores a review correction of a sanction never reviewed', () => {
    const correction: CitizenCaseEvent = {
      id: 'ev-fix',
      type: 'FactCorrected',
      data: { correctsEventId: 'ev-imposed-s-1', target: { kind: 'review', sanctionId: 's-1', changes: { outcome: 'CORRECT' } }, reason: 'x' },
    };
    const before = fold([opened, imposed('s-1')]);
    expect(fold([opened, imposed('s-1'), correction])).toEqual(before);
  });
});
