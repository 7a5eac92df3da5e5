import { inspect } from 'node:util';
import { InvalidCprNumberError, parseCprNumber, type CprProblem } from './cpr-number';

function modulus11Holds(digits: string): boolean {
  const weights = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
  return [...digits].reduce((sum, digit, i) => sum + Number(digit) * weights[i], 0) % 11 === 0;
}

function problemOf(input: string): CprProblem | undefined {
  try {
    parseCprNumber(input);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidCprNumberError);
    const invalid = error as InvalidCprNumberError;
    expect(invalid.code).toBe('CPR.INVALID');
    const text = String(input);
    const digitsOnly = text.replace(/\D/g, '');
    if (digitsOnly.length >= 4) expect(invalid.message).not.toContain(digitsOnly);
    if (text.trim().length >= 4) expect(invalid.message).not.toContain(text.trim());
    return invalid.reason;
  }
}

describe('parseCprNumber', () => {
  it('accepts DDMMYYSSSS and DDMMYY-SSSS alike and normalises to ten digits', () => {
    const plain = parseCprNumber('0101701234');
    const dashed = parseCprNumber(' 010170-1234 ');
    expect(plain.digits()).toBe('0101701234');
    expect(dashed.digits()).toBe('0101701234');
    expect(plain.formatted()).toBe('010170-1234');
    expect(plain.equals(dashed)).toBe(true);
    expect(plain.equals(parseCprNumber('0101701235'))).toBe(false);
    expect(plain.birthDate).toBe('1970-01-01');
  });

  it('accepts a number that fails the modulus-11 check (issued since 2007)', () => {
    expect(modulus11Holds('0101701234')).toBe(false);
    expect(parseCprNumber('010170-1234').birthDate).toBe('1970-01-01');
    expect(modulus11Holds('0707614285')).toBe(true);
    expect(parseCprNumber('0707614285').birthDate).toBe('1961-07-07');
  });

  it.each([
    ['311299-0000', '1999-12-31'],
    ['010100-3999', '1900-01-01'],
    ['010136-4000', '2036-01-01'],
    ['010137-4000', '1937-01-01'],
    ['010105-9000', '2005-01-01'],
    ['010136-9000', '2036-01-01'],
    ['010199-9000', '1999-01-01'],
    ['010157-5000', '2057-01-01'],
    ['010158-5000', '1858-01-01'],
    ['150310-6000', '2010-03-15'],
    ['150380-8000', '1880-03-15'],
    ['311257-7999', '2057-12-31'],
  ])('takes the century of %s from its 7th digit: born %s', (input, birthDate) => {
    expect(parseCprNumber(input).birthDate).toBe(birthDate);
  });

  it('accepts 29 February in leap years only, 1900 not being one and 2000 being one', () => {
    expect(parseCprNumber('290200-4000').birthDate).toBe('2000-02-29');
    expect(parseCprNumber('290296-1000').birthDate).toBe('1996-02-29');
    expect(parseCprNumber('290260-5000').birthDate).toBe('1860-02-29');
    expect(problemOf('290200-1000')).toBe('date');
    expect(problemOf('290297-1000')).toBe('date');
    expect(problemOf('290237-4000')).toBe('date');
    expect(parseCprNumber('290236-4000').birthDate).toBe('2036-02-29');
  });

  it.each(['320170-1234', '000170-1234', '011370-1234', '010070-1234', '310470-1234', '300290-1234', '999999-9999'])(
    'refuses %s: not a calendar date',
    (input) => {
      expect(problemOf(input)).toBe('date');
    },
  );

  it.each(['', '010170123', '01017012345', '010170-123', '010170-12345', '0101-701234'])('refuses "%s": wrong length or shape', (input) => {
    expect(problemOf(input)).toBe('format');
  });

  it.each(['01017O1234', 'abcdefghij', '010170 1234', '010170--1234', '010170–1234', '０１０１７０１２３４', '0101701234x'])(
    'refuses "%s": not digits in the accepted layout',
    (input) => {
      expect(problemOf(input)).toBe('format');
    },
  );

  it('refuses a value that is not a string', () => {
    expect(problemOf(101701234 as unknown as string)).toBe('format');
  });

  it('keeps its digits out of strings, JSON and inspection', () => {
    const cpr = parseCprNumber('0101701234');
    const renderings = [String(cpr), `${cpr}`, JSON.stringify({ cpr }), inspect({ cpr }), inspect(cpr, { showHidden: true })];
    for (const text of renderings) {
      expect(text).not.toContain('0101701234');
      expect(text).not.toContain('1234');
    }
  });
});
