import { parseCaseNumber } from './case-number';

describe('parseCaseNumber', () => {
  it.each([
    ['EMN-2023-05050', { format: 'EMN', year: 2023, sequence: '05050', kle: null }],
    ['24-1-15.20.00-P27', { format: 'KLE', year: 2024, sequence: '1', kle: { subject: '15.20.00', facet: 'P27' } }],
    ['25-1138-15.20.00', { format: 'KLE', year: 2025, sequence: '1138', kle: { subject: '15.20.00', facet: null } }],
    ['17/7397', { format: 'SLASH_SHORT', year: 2017, sequence: '7397', kle: null }],
    ['2016/05156', { format: 'SLASH_LONG', year: 2016, sequence: '05156', kle: null }],
  ])('reads %s', (input, parts) => {
    expect(parseCaseNumber(input)).toEqual({ value: input, ...parts });
  });

  it.each(['', 'EMN-23-1', '24-1-15.20-P27', '24-1-15.20.00-p27', '2016/', 'abc', '17/7397/1'])('refuses %j naming the field', (input) => {
    expect(() => parseCaseNumber(input, 'item.caseNumber')).toThrow(expect.objectContaining({ code: 'CASE_NUMBER.INVALID', field: 'item.caseNumber' }));
  });
});
