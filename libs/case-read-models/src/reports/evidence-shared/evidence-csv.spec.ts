import { evidenceHeaderLines, formatCount, formatDecimal } from './evidence-csv';

describe('evidence report CSV helpers', () => {
  it('write an imported percentage with its decimals the locale way', () => {
    expect([formatDecimal(32.4, 'da'), formatDecimal(32.4, 'en'), formatDecimal(1234.25, 'da'), formatDecimal(40, 'da'), formatDecimal(null, 'da')]).toEqual(['32,4', '32.4', '1.234,25', '40', '']);
    expect([formatCount(334_299, 'da'), formatCount(null, 'en')]).toEqual(['334.299', '']);
  });

  it('name the report, its parameters, cutoff, position and rounding in the header lines', () => {
    const header = { report: 'x', title: 'Klagestatistik', parameters: { period: 'quarter', legalArea: null }, cutoff: 'to 2023-12-31', position: '42', rounding: 'half up' };
    expect(evidenceHeaderLines(header, 'da')).toEqual([
      ['rapport', 'Klagestatistik'],
      ['parametre', 'period=quarter, legalArea='],
      ['afgrænsning', 'to 2023-12-31'],
      ['position i loggen', '42'],
      ['afrunding', 'half up'],
    ]);
    expect(evidenceHeaderLines(header, 'en').map(([label]) => label)).toEqual(['report', 'parameters', 'cutoff', 'log position', 'rounding']);
  });
});
