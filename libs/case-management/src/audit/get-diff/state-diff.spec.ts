import { aggregateOfStream } from '../audited-stream';
import { AUDITED_CASE, STREAM } from '../fixtures/audited-case.fixtures';
import { diffStates } from './state-diff';

const diff = (time: 'recorded' | 'effective', from: string, to: string) => diffStates(STREAM, aggregateOfStream(STREAM), AUDITED_CASE, { time, from, to });

describe('what changed between two moments', () => {
  it('on recorded time: the events recorded in between and the state paths they changed', () => {
    const result = diff('recorded', '2023-06-28T10:00:00.000Z', '2023-08-29T10:00:00.000Z');
    expect(result.from).toEqual({ at: '2023-06-28T10:00:00.000Z', revision: 3, position: '1003', eventsApplied: 4 });
    expect(result.to).toEqual({ at: '2023-08-29T10:00:00.000Z', revision: 5, position: '1005', eventsApplied: 6 });
    expect(result.events.map((e) => [e.revision, e.type, e.recordedAt, e.effectiveAt, e.actor, e.correlationId])).toEqual([
      [4, 'FactCorrected', '2023-07-20T09:15:00.000Z', '2023-07-20T09:15:00.000Z', 'legal-audit-1', 'corr-4'],
      [5, 'RepaymentAssessed', '2023-08-29T10:00:00.000Z', '2023-08-15T00:00:00.000Z', 'legal-audit-1', 'corr-5'],
    ]);
    expect(result.changes).toEqual([
      {
        path: 'repayments.r-1',
        kind: 'added',
        before: null,
        after: { repaymentId: 'r-1', sanctionIds: ['s-1'], amountOre: 1_034_500, assessedOn: '2023-08-15', status: 'ASSESSED', scheduledFor: null, issuedOn: null },
      },
      { path: 'sanctions.s-1.amountDeductedOre', kind: 'changed', before: 1_234_500, after: 1_034_500 },
      { path: 'sanctions.s-1.eventIds', kind: 'changed', before: ['ev-imposed', 'ev-reviewed'], after: ['ev-imposed', 'ev-reviewed', 'ev-corrected'] },
    ]);
  });

  it('on effective time: the sanction appears in 2021 with its corrected amount, the correction listed beside it', () => {
    const result = diff('effective', '2021-02-01T00:00:00.000Z', '2021-12-31T23:00:00.000Z');
    expect(result.events.map((e) => e.id)).toEqual(['ev-imposed', 'ev-corrected']);
    expect(result.changes).toEqual([{ path: 'sanctions.s-1', kind: 'added', before: null, after: expect.objectContaining({ amountDeductedOre: 1_034_500, review: null }) }]);
  });

  it('between two equal moments: nothing', () => {
    expect(diff('recorded', '2023-06-28T10:00:00.000Z', '2023-06-28T10:00:00.000Z')).toMatchObject({ events: [], changes: [] });
  });
});
