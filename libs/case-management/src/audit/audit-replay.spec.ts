import { foldStream } from '@casetrail/event-store';
import { citizenCase, initialCitizenCaseState, type CitizenCaseState } from '../citizen-case/citizen-case.state';
import { parseCaseNumber } from '../shared/case-number/case-number';
import { aggregateOfStream } from './audited-stream';
import { AUDITED_CASE, STREAM, legalBasis40a } from './fixtures/audited-case.fixtures';
import { replayAsOf } from './get-state-as-of/replay-as-of';
import type { AsOfView } from './as-of-view';

/** Expected states, computed by hand from AUDITED_CASE (fixtures/audited-case.fixtures.ts). */
const opened: CitizenCaseState = {
  ...initialCitizenCaseState(),
  status: 'OPEN',
  caseId: 'case-1',
  caseNumber: parseCaseNumber('EMN-2023-05050'),
  citizenRef: 'ref-7f3a',
  legalArea: 'AKTIVLOVEN',
  owningUnit: 'Jobcenter Nord',
  openedOn: '2021-01-04',
  eventIds: ['ev-opened'],
};
const sanctionAsImposed = {
  sanctionId: 's-1',
  sanctionType: 'AKTL_40A_STRICTER_AVAILABILITY',
  legalBasis: legalBasis40a,
  breachDate: '2021-03-01',
  period: { from: '2021-04-01', to: '2021-06-30' },
  amountDeductedOre: 1_234_500,
  decidedOn: '2021-03-15',
  review: null,
  eventIds: ['ev-imposed'],
};
const review = { outcome: 'ERROR', errorCategories: ['MISSING_WRITTEN_GUIDANCE'], wouldChangeOnAppeal: true, reviewer: 'legal-audit-1', reviewedOn: '2023-06-01' } as const;

/** What was known on 28 June 2023: the sanction as first entered (12.345,00 kr.), reviewed in ERROR. */
const knownOn28June: CitizenCaseState = {
  ...opened,
  sanctions: { 's-1': { ...sanctionAsImposed, review, eventIds: ['ev-imposed', 'ev-reviewed'] } },
  discoveries: [{ source: 'PRACTICE_SURVEY', identifiedOn: '2023-05-10' }],
};

/** What was known on 29 August 2023: the deduction corrected to 10.345,00 kr., and its repayment assessed. */
const knownOn29August: CitizenCaseState = {
  ...knownOn28June,
  sanctions: { 's-1': { ...sanctionAsImposed, amountDeductedOre: 1_034_500, review, eventIds: ['ev-imposed', 'ev-reviewed', 'ev-corrected'] } },
  repayments: {
    'r-1': { repaymentId: 'r-1', sanctionIds: ['s-1'], amountOre: 1_034_500, assessedOn: '2023-08-15', status: 'ASSESSED', scheduledFor: null, issuedOn: null },
  },
};

/** The world at the end of 2021 as known today: the sanction with the corrected amount, nothing reviewed yet. */
const worldEnd2021: CitizenCaseState = {
  ...opened,
  sanctions: { 's-1': { ...sanctionAsImposed, amountDeductedOre: 1_034_500, eventIds: ['ev-imposed', 'ev-corrected'] } },
};

const replay = (view: AsOfView) => replayAsOf(STREAM, aggregateOfStream(STREAM), AUDITED_CASE, view);

describe('auditor replay of a case recorded over several months with a correction', () => {
  it('at a revision: the stream as it stood after that event', () => {
    expect(replay({ kind: 'atRevision', revision: 3 })).toEqual({
      streamName: STREAM,
      view: { kind: 'atRevision', revision: 3 },
      revision: 3,
      position: '1003',
      eventsApplied: 4,
      state: knownOn28June,
    });
  });

  it('at a recorded time: what we knew then, before the correction was recorded', () => {
    const view: AsOfView = { kind: 'recordedAt', at: '2023-06-28T10:00:00.000Z' };
    expect(replay(view)).toEqual({ streamName: STREAM, view, revision: 3, position: '1003', eventsApplied: 4, state: knownOn28June });
  });

  it('at a recorded time: the correction and every event recorded up to and including that instant', () => {
    const view: AsOfView = { kind: 'recordedAt', at: '2023-08-29T10:00:00.000Z' };
    expect(replay(view)).toMatchObject({ revision: 5, position: '1005', eventsApplied: 6, state: knownOn29August });
  });

  it("at an effective time: the world as it stood then, as known today, with the correction applied at the corrected fact's time", () => {
    const view: AsOfView = { kind: 'effectiveAt', at: '2021-12-31T22:59:59.000Z' };
    expect(replay(view)).toEqual({ streamName: STREAM, view, revision: 6, position: '1006', eventsApplied: 3, state: worldEnd2021 });
  });

  it('at an effective time before the sanction: only the opened case', () => {
    expect(replay({ kind: 'effectiveAt', at: '2021-02-01T00:00:00.000Z' })).toMatchObject({ revision: 6, eventsApplied: 1, state: opened });
  });

  it('at an effective time after the repayment and before the closure: what was known on 29 August', () => {
    expect(replay({ kind: 'effectiveAt', at: '2023-09-01T00:00:00.000Z' })).toMatchObject({ eventsApplied: 6, state: knownOn29August });
  });

  it('before anything was recorded, or took effect: the initial state, standing on no event (recorded) or on all that is known (effective)', () => {
    expect(replay({ kind: 'recordedAt', at: '2022-12-31T23:00:00.000Z' })).toMatchObject({ revision: -1, position: null, eventsApplied: 0, state: initialCitizenCaseState() });
    expect(replay({ kind: 'effectiveAt', at: '2020-12-31T23:00:00.000Z' })).toMatchObject({ revision: 6, position: '1006', eventsApplied: 0, state: initialCitizenCaseState() });
  });

  it("folds with the write side's evolve: the last revision, a revision beyond it and today's recorded time all give the write side's state", () => {
    const current = foldStream(citizenCase, AUDITED_CASE);
    expect(current).toMatchObject({ status: 'CLOSED', closure: { reason: 'SELF_SUPPORTING', closedOn: '2023-09-30' } });
    expect(replay({ kind: 'atRevision', revision: 6 }).state).toEqual(current);
    expect(replay({ kind: 'atRevision', revision: 99 })).toMatchObject({ revision: 6, eventsApplied: 7, state: current });
    expect(replay({ kind: 'recordedAt', at: '2024-01-01T00:00:00.000Z' }).state).toEqual(current);
  });
});
