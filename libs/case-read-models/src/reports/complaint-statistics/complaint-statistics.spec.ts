import type { AppealOutcome } from '@casetrail/case-management';
import { complaintStatistics, outcomeShares, periodOf, reversalRate, type ComparatorEvidence, type DecidedAppeal, type OutcomeCounts } from './complaint-statistics';

const counts = (c: Partial<OutcomeCounts>): OutcomeCounts => ({ STADFAESTET: 0, AENDRET: 0, OPHAEVET: 0, HJEMVIST: 0, AFVIST: 0, ...c });

let n = 0;
const appeal = (decidedOn: string, outcome: AppealOutcome, legalArea = 'AKTIVLOVEN'): DecidedAppeal => ({ appealId: `a-${++n}`, legalArea, decidedOn, outcome });
const many = (count: number, decidedOn: string, outcome: AppealOutcome, legalArea?: string) => Array.from({ length: count }, () => appeal(decidedOn, outcome, legalArea));

describe('reversal rate', () => {
  it('is (changed + annulled + remitted) / (upheld + changed + annulled + remitted)', () => {
    expect(reversalRate(counts({ STADFAESTET: 6, AENDRET: 2, OPHAEVET: 1, HJEMVIST: 1 }))).toEqual({ numerator: 4, denominator: 10, pct: 40 });
  });

  it('leaves dismissed appeals out of both parts', () => {
    const without = reversalRate(counts({ STADFAESTET: 5, AENDRET: 3 }));
    const withDismissed = reversalRate(counts({ STADFAESTET: 5, AENDRET: 3, AFVIST: 40 }));
    expect(withDismissed).toEqual(without);
    expect(without).toEqual({ numerator: 3, denominator: 8, pct: 38 });
  });

  it('rounds half up at .5 from the unrounded fraction', () => {
    expect(reversalRate(counts({ STADFAESTET: 7, HJEMVIST: 1 })).pct).toBe(13); // 12.5 %
    expect(reversalRate(counts({ STADFAESTET: 199, OPHAEVET: 1 })).pct).toBe(1); // 0.5 %
    expect(reversalRate(counts({ STADFAESTET: 200, OPHAEVET: 1 })).pct).toBe(0); // 0.4975 %
  });

  it('has no percentage when only dismissed appeals were decided, but keeps the fraction 0/0', () => {
    expect(reversalRate(counts({ AFVIST: 3 }))).toEqual({ numerator: 0, denominator: 0, pct: null });
  });
});

describe('outcome shares', () => {
  it('share all decided appeals, dismissed included, and add up to 100', () => {
    const shares = outcomeShares(counts({ STADFAESTET: 4, AENDRET: 1, OPHAEVET: 1, HJEMVIST: 1 })) as OutcomeCounts;
    expect(shares).toEqual({ STADFAESTET: 57, AENDRET: 15, OPHAEVET: 14, HJEMVIST: 14, AFVIST: 0 });
    const withDismissed = outcomeShares(counts({ STADFAESTET: 1, AENDRET: 1, AFVIST: 1 })) as OutcomeCounts;
    expect(withDismissed).toEqual({ STADFAESTET: 34, AENDRET: 33, OPHAEVET: 0, HJEMVIST: 0, AFVIST: 33 });
    expect(Object.values(withDismissed).reduce((a, b) => a + b, 0)).toBe(100);
    expect(outcomeShares(counts({}))).toBeNull();
  });
});

describe('periods', () => {
  it('are calendar quarters or years of the decision date', () => {
    expect(periodOf('2023-02-15', 'quarter')).toEqual({ label: '2023-Q1', from: '2023-01-01', to: '2023-03-31' });
    expect(periodOf('2023-06-30', 'quarter')).toEqual({ label: '2023-Q2', from: '2023-04-01', to: '2023-06-30' });
    expect(periodOf('2023-07-01', 'quarter')).toEqual({ label: '2023-Q3', from: '2023-07-01', to: '2023-09-30' });
    expect(periodOf('2023-12-31', 'quarter')).toEqual({ label: '2023-Q4', from: '2023-10-01', to: '2023-12-31' });
    expect(periodOf('2023-12-31', 'year')).toEqual({ label: '2023', from: '2023-01-01', to: '2023-12-31' });
  });
});

describe('complaint statistics', () => {
  const comparator: ComparatorEvidence = {
    kind: 'IMPORTED_EVIDENCE',
    comparatorId: 'c-1',
    label: 'Landsgennemsnit',
    source: 'Ankestyrelsen',
    receivedOn: '2024-02-01',
    importedAt: '2024-02-02T09:00:00.000Z',
    importedBy: 'liaison',
    legalArea: 'AKTIVLOVEN',
    period: { from: '2023-01-01', to: '2023-12-31' },
    reversalRatePct: 32.4,
  };
  const appeals = [
    ...many(3, '2023-02-01', 'STADFAESTET'),
    ...many(1, '2023-03-31', 'AENDRET'),
    ...many(1, '2023-04-01', 'HJEMVIST'),
    ...many(1, '2023-05-01', 'AFVIST'),
    ...many(2, '2023-05-02', 'STADFAESTET', 'LAB'),
    ...many(1, '2024-01-10', 'OPHAEVET'),
  ];

  it('gives one row per quarter and legal area with decided appeals, in period then catalogue order', () => {
    const { rows } = complaintStatistics(appeals, 'quarter', { from: null, to: null });
    expect(rows.map((r) => [r.period.label, r.legalArea, r.decided])).toEqual([
      ['2023-Q1', 'AKTIVLOVEN', 4],
      ['2023-Q2', 'AKTIVLOVEN', 2],
      ['2023-Q2', 'LAB', 2],
      ['2024-Q1', 'AKTIVLOVEN', 1],
    ]);
    expect(rows[0]).toMatchObject({
      outcomes: counts({ STADFAESTET: 3, AENDRET: 1 }),
      sharesPct: counts({ STADFAESTET: 75, AENDRET: 25 }),
      reversalRate: { numerator: 1, denominator: 4, pct: 25 },
    });
    expect(rows[1]).toMatchObject({ reversalRate: { numerator: 1, denominator: 1, pct: 100 }, sharesPct: counts({ HJEMVIST: 50, AFVIST: 50 }) });
  });

  it('sums every selected appeal in the total row, dismissed ones left out of the rate only', () => {
    const { total } = complaintStatistics(appeals, 'year', { from: '2023-01-01', to: '2024-12-31' });
    expect(total).toMatchObject({
      period: { label: 'total', from: '2023-01-01', to: '2024-12-31' },
      legalArea: null,
      decided: 9,
      outcomes: counts({ STADFAESTET: 5, AENDRET: 1, OPHAEVET: 1, HJEMVIST: 1, AFVIST: 1 }),
      reversalRate: { numerator: 3, denominator: 8, pct: 38 },
      comparatorReversalRatePct: null,
    });
    // 55.6, 11.1 ×4: floors 55 + 11×4 = 99, the point to the largest remainder (upheld, .56)
    expect(total.sharesPct).toEqual(counts({ STADFAESTET: 56, AENDRET: 11, OPHAEVET: 11, HJEMVIST: 11, AFVIST: 11 }));
  });

  it('shows the comparator only beside rows of its legal area inside its period', () => {
    const { rows } = complaintStatistics(appeals, 'quarter', { from: null, to: null }, comparator);
    expect(rows.map((r) => r.comparatorReversalRatePct)).toEqual([32.4, 32.4, null, null]);
    const yearly = complaintStatistics(appeals, 'year', { from: null, to: null }, comparator).rows;
    expect(yearly.map((r) => [r.period.label, r.legalArea, r.comparatorReversalRatePct])).toEqual([
      ['2023', 'AKTIVLOVEN', 32.4],
      ['2023', 'LAB', null],
      ['2024', 'AKTIVLOVEN', null],
    ]);
  });

  it('answers an empty selection with no rows and an empty total', () => {
    const { rows, total } = complaintStatistics([], 'quarter', { from: '2023-01-01', to: '2023-03-31' });
    expect(rows).toEqual([]);
    expect(total).toMatchObject({ decided: 0, sharesPct: null, reversalRate: { numerator: 0, denominator: 0, pct: null } });
  });
});
