import fc from 'fast-check';
import { largestRemainderShares, percentHalfUp } from './rounding';

const counts = fc.array(fc.nat({ max: 10_000 }), { minLength: 1, maxLength: 8 }).filter((c) => c.some((n) => n > 0));

describe('largest-remainder shares', () => {
  it('always add up to 100', () => {
    fc.assert(fc.property(counts, (c) => (largestRemainderShares(c) as number[]).reduce((a, b) => a + b, 0) === 100));
  });

  it('add up to any total asked for', () => {
    fc.assert(fc.property(counts, fc.integer({ min: 1, max: 1000 }), (c, total) => (largestRemainderShares(c, total) as number[]).reduce((a, b) => a + b, 0) === total));
  });

  it('give each count its exact share rounded down or up, never further off', () => {
    fc.assert(
      fc.property(counts, (c) => {
        const sum = c.reduce((a, b) => a + b, 0);
        return (largestRemainderShares(c) as number[]).every((share, i) => {
          const exact = (100 * c[i]) / sum;
          return share === Math.floor(exact) || share === Math.ceil(exact);
        });
      }),
    );
  });

  it('never give a larger count a smaller share, and give nothing to a zero count', () => {
    fc.assert(
      fc.property(counts, (c) => {
        const shares = largestRemainderShares(c) as number[];
        return c.every((a, i) => c.every((b, j) => a <= b || shares[i] >= shares[j])) && c.every((a, i) => a > 0 || shares[i] === 0);
      }),
    );
  });

  it('break ties between equal remainders in favour of the count listed first, every time', () => {
    expect(largestRemainderShares([1, 1, 1])).toEqual([34, 33, 33]);
    expect(largestRemainderShares([1, 1, 1, 1, 1, 1])).toEqual([17, 17, 17, 17, 16, 16]);
    expect(largestRemainderShares([1, 2, 1, 2])).toEqual([17, 33, 17, 33]);
    fc.assert(fc.property(counts, (c) => JSON.stringify(largestRemainderShares(c)) === JSON.stringify(largestRemainderShares([...c]))));
  });

  it('hand-computed: 4/1/1/1/0 of 7 floor to 57+14+14+14+0 = 99, and the point left goes to the first of the tied remainders', () => {
    // exact 57.14, 14.29, 14.29, 14.29, 0: floors 57+14+14+14 = 99, the point goes to the largest remainder (14.29, the first)
    expect(largestRemainderShares([4, 1, 1, 1, 0])).toEqual([57, 15, 14, 14, 0]);
    expect(largestRemainderShares([2, 1, 4])).toEqual([29, 14, 57]);
    expect(largestRemainderShares([50, 50])).toEqual([50, 50]);
  });

  it('has nothing to share without appeals, and refuses negative or fractional counts', () => {
    expect(largestRemainderShares([0, 0, 0])).toBeNull();
    expect(largestRemainderShares([])).toBeNull();
    expect(() => largestRemainderShares([1, -1])).toThrow(RangeError);
    expect(() => largestRemainderShares([1.5])).toThrow(RangeError);
  });
});

describe('percent rounded half up', () => {
  it('rounds .5 up and below .5 down, from the unrounded fraction', () => {
    expect(percentHalfUp({ numerator: 1, denominator: 8 })).toBe(13); // 12.5
    expect(percentHalfUp({ numerator: 3, denominator: 8 })).toBe(38); // 37.5
    expect(percentHalfUp({ numerator: 1, denominator: 200 })).toBe(1); // 0.5
    expect(percentHalfUp({ numerator: 1, denominator: 201 })).toBe(0); // 0.4975
    expect(percentHalfUp({ numerator: 2, denominator: 3 })).toBe(67); // 66.67
    expect(percentHalfUp({ numerator: 1, denominator: 3 })).toBe(33); // 33.33
    expect(percentHalfUp({ numerator: 0, denominator: 5 })).toBe(0);
    expect(percentHalfUp({ numerator: 5, denominator: 5 })).toBe(100);
  });

  it('rounds to decimals the same way', () => {
    expect(percentHalfUp({ numerator: 1, denominator: 16 }, 1)).toBe(6.3); // 6.25
    expect(percentHalfUp({ numerator: 1, denominator: 3 }, 1)).toBe(33.3);
    expect(percentHalfUp({ numerator: 1, denominator: 8 }, 2)).toBe(12.5);
  });

  it('does not round twice: 0.4449… stays 0 where rounding 0.445 first would give 1', () => {
    // 4449/1_000_000 is 0.4449 %: one decimal first would say 0.4, then 0; two decimals first 0.44 → 0
    expect(percentHalfUp({ numerator: 4449, denominator: 1_000_000 })).toBe(0);
    expect(percentHalfUp({ numerator: 4_999_999, denominator: 1_000_000_000 })).toBe(0); // 0.4999999
  });

  it('is within half a point of the exact percentage, and null without a denominator', () => {
    fc.assert(
      fc.property(fc.nat({ max: 100_000 }), fc.integer({ min: 1, max: 100_000 }), (n, d) => {
        const pct = percentHalfUp({ numerator: n, denominator: d }) as number;
        const exact = (100 * n) / d;
        return Number.isInteger(pct) && pct - exact <= 0.5 + 1e-9 && exact - pct < 0.5 + 1e-9;
      }),
    );
    expect(percentHalfUp({ numerator: 0, denominator: 0 })).toBeNull();
  });
});
