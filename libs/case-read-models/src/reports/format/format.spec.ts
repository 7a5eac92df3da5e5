import { csvCell, renderCsv } from './csv';
import {
  formatInteger,
  formatKroner,
  formatPercent,
  formatPercentValue,
  largestRemainderPercents,
  oreToWholeKroner,
  percentHalfUp,
} from './number-format';
import { reportDigest, reportJson } from './report-json';

describe('report number formats', () => {
  it('groups thousands the Danish and the English way', () => {
    expect(formatInteger(334_299, 'da')).toBe('334.299');
    expect(formatInteger(334_299, 'en')).toBe('334,299');
    expect(formatInteger(1_234_567_890n, 'da')).toBe('1.234.567.890');
    expect([formatInteger(0, 'da'), formatInteger(999, 'da'), formatInteger(-1000, 'da')]).toEqual(['0', '999', '-1.000']);
  });

  it('shows kroner from exact øre, whole kroner rounded half up, or with the øre', () => {
    expect(formatKroner(33_429_900, 'da')).toBe('334.299');
    expect(formatKroner(17_032_000, 'en')).toBe('170,320');
    expect([oreToWholeKroner(149), oreToWholeKroner(150), oreToWholeKroner(-150), oreToWholeKroner(49)]).toEqual([1n, 2n, -2n, 0n]);
    expect(formatKroner(2_175_850, 'da')).toBe('21.759');
    expect(formatKroner(2_175_850, 'da', { decimals: 2 })).toBe('21.758,50');
    expect(formatKroner(2_175_805, 'en', { decimals: 2 })).toBe('21,758.05');
    expect(formatKroner(-5, 'da', { decimals: 2 })).toBe('-0,05');
  });

  it('refuses money that is not whole øre', () => {
    expect(() => formatKroner(10.5, 'da')).toThrow(RangeError);
  });

  it('rounds a percentage half up from the unrounded fraction of integers', () => {
    expect(percentHalfUp(25, 35)).toBe(71);
    expect(percentHalfUp(1, 8)).toBe(13);
    expect(percentHalfUp(1, 200)).toBe(1);
    expect(percentHalfUp(1, 201)).toBe(0);
    expect(percentHalfUp(3, 0)).toBeNull();
    expect(formatPercent(21, 100, 'da')).toBe('21 pct.');
    expect(formatPercent(21, 100, 'en')).toBe('21%');
    expect(formatPercent(1, 0, 'da')).toBe('');
    expect(formatPercentValue(1000, 'da')).toBe('1.000 pct.');
  });

  it('shares percentages by largest remainder so that they add up to 100', () => {
    expect(largestRemainderPercents([1, 1, 1])).toEqual([34, 33, 33]);
    expect(largestRemainderPercents([2, 1, 4])).toEqual([29, 14, 57]);
    expect(largestRemainderPercents([0, 0])).toEqual([0, 0]);
    const shares = largestRemainderPercents([17, 3, 5, 9, 11, 2]);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(100);
  });
});

describe('report CSV', () => {
  it('writes header lines starting with #, then the tables, with the locale delimiter and CRLF', () => {
    const text = renderCsv(
      {
        header: [['report', 'sanction review'], ['note', 'two\nlines']],
        sections: [
          { columns: ['source', 'amount'], rows: [['total', '334.299']] },
          { title: 'citizens', columns: ['ref'], rows: [['a;b'], ['say "hi"']] },
        ],
      },
      'da',
    );
    expect(text).toBe(
      ['# report: sanction review', '# note: two lines', 'source;amount', 'total;334.299', '', '# citizens', 'ref', '"a;b"', '"say ""hi"""', ''].join('\r\n'),
    );
  });

  it('quotes the English delimiter and keeps spreadsheet formulas inert', () => {
    expect(csvCell('334,299', ',')).toBe('"334,299"');
    expect(csvCell('334,299', ';')).toBe('334,299');
    expect(csvCell('=SUM(A1)', ';')).toBe("'=SUM(A1)");
    expect(csvCell('-5', ';')).toBe('-5');
    expect(csvCell('-x', ';')).toBe("'-x");
  });
});

describe('report JSON', () => {
  it('is canonical: the same figures give the same bytes and digest whatever the key order', () => {
    const a = { total: { citizens: 35, repaymentOre: 33_429_900 }, header: { position: '42' } };
    const b = JSON.parse('{"header":{"position":"42"},"total":{"repaymentOre":33429900,"citizens":35}}');
    expect(reportJson(a)).toBe('{"header":{"position":"42"},"total":{"citizens":35,"repaymentOre":33429900}}');
    expect(reportJson(b)).toBe(reportJson(a));
    expect(reportDigest(b)).toBe(reportDigest(a));
    expect(reportDigest(a)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});
