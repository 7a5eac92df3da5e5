import fc from 'fast-check';
import { isCanonicalInstant } from './instants';

describe('isCanonicalInstant', () => {
  it('accepts exactly the strings that Date writes back unchanged (years 1-9999)', () => {
    const digits = (n: number, max: number) => fc.integer({ min: 0, max }).map((v) => String(v).padStart(n, '0'));
    const candidate = fc
      .tuple(digits(4, 9999), digits(2, 13), digits(2, 32), digits(2, 25), digits(2, 60), digits(2, 60), digits(3, 999))
      .map(([y, mo, d, h, mi, s, ms]) => `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`);
    fc.assert(
      fc.property(candidate, (value) => {
        const date = new Date(value);
        const roundTrips = !Number.isNaN(date.getTime()) && date.getUTCFullYear() >= 1 && date.toISOString() === value;
        expect(isCanonicalInstant(value)).toBe(roundTrips);
      }),
      { numRuns: 20_000 },
    );
  });

  it('refuses other forms of an instant', () => {
    for (const value of ['2023-08-29', '2023-08-29T10:00:00Z', '2023-08-29T10:00:00.000+02:00', '+002023-08-29T10:00:00.000Z', '2023-02-29T10:00:00.000Z', ' 2023-08-29T10:00:00.000Z']) {
      expect(isCanonicalInstant(value)).toBe(false);
    }
    expect(isCanonicalInstant('2024-02-29T23:59:59.999Z')).toBe(true);
  });
});
