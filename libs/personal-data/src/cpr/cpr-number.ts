import { inspect } from 'node:util';

/** Why a text is not a CPR number. */
export type CprProblem = 'format' | 'date';

const MESSAGES: Record<CprProblem, string> = {
  format: 'A CPR number is 10 digits, written DDMMYYSSSS or DDMMYY-SSSS',
  date: 'The first six digits of a CPR number must be a calendar date (DDMMYY)',
};

/** A text is not a CPR number. The message never contains the text. */
export class InvalidCprNumberError extends Error {
  readonly code = 'CPR.INVALID';
  constructor(readonly reason: CprProblem) {
    super(MESSAGES[reason]);
    this.name = 'InvalidCprNumberError';
  }
}

/**
 * A valid Danish CPR number. It keeps its digits out of logs and JSON: `toString()`, `toJSON()`
 * and `util.inspect` show a redacted form; the digits are read with {@link CprNumber.digits} only
 * where they are needed (the vault, a caseworker's screen).
 */
export class CprNumber {
  readonly #digits: string;
  /** Birth date as `YYYY-MM-DD`, the century taken from the 7th digit. */
  readonly birthDate: string;

  private constructor(digits: string, birthDate: string) {
    this.#digits = digits;
    this.birthDate = birthDate;
  }

  /** See {@link parseCprNumber}. */
  static parse(input: string): CprNumber {
    const match = typeof input === 'string' ? /^(\d{6})-?(\d{4})$/.exec(input.trim()) : null;
    if (!match) throw new InvalidCprNumberError('format');
    const [, datePart, sequence] = match;
    const day = Number(datePart.slice(0, 2));
    const month = Number(datePart.slice(2, 4));
    const yy = Number(datePart.slice(4, 6));
    const year = centuryOf(Number(sequence[0]), yy) + yy;
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw new InvalidCprNumberError('date');
    return new CprNumber(`${datePart}${sequence}`, `${year}-${datePart.slice(2, 4)}-${datePart.slice(0, 2)}`);
  }

  /** The normalised 10 digits, `DDMMYYSSSS`. */
  digits(): string {
    return this.#digits;
  }

  /** The customary written form, `DDMMYY-SSSS`. */
  formatted(): string {
    return `${this.#digits.slice(0, 6)}-${this.#digits.slice(6)}`;
  }

  equals(other: CprNumber): boolean {
    return other.#digits === this.#digits;
  }

  toString(): string {
    return 'CprNumber(redacted)';
  }

  toJSON(): string {
    return 'CprNumber(redacted)';
  }

  [inspect.custom](): string {
    return 'CprNumber(redacted)';
  }
}

/**
 * Parses `DDMMYYSSSS` or `DDMMYY-SSSS` (surrounding blanks ignored). The date part must be a
 * calendar date in the century the 7th digit gives. The modulus-11 check is deliberately not
 * applied: numbers failing it have been issued since 2007.
 * @throws InvalidCprNumberError with reason `format` or `date`
 */
export function parseCprNumber(input: string): CprNumber {
  return CprNumber.parse(input);
}

/** The CPR office's century rule, by the first digit of the sequence number and the two-digit year. */
function centuryOf(seventhDigit: number, yy: number): 1800 | 1900 | 2000 {
  if (seventhDigit <= 3) return 1900;
  if (seventhDigit === 4 || seventhDigit === 9) return yy <= 36 ? 2000 : 1900;
  return yy <= 57 ? 2000 : 1800;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
