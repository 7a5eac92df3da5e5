/** A fraction of two non-negative integers, kept unrounded. */
export interface Fraction {
  readonly numerator: number;
  readonly denominator: number;
}

function requireCount(value: number, what: string): bigint {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a non-negative safe integer, got ${value}`);
  return BigInt(value);
}

/**
 * Whole shares of `counts` adding up to exactly `total` (largest-remainder, or Hamilton, rounding):
 * each exact share `total * count / sum` is rounded down, and the units left over go one each to the
 * largest remainders. A tie between equal remainders goes to the count listed first, so the result
 * depends on the counts and their order only. Null when the counts add up to 0: there is nothing
 * to share. Exact integer arithmetic throughout.
 */
export function largestRemainderShares(counts: readonly number[], total = 100): number[] | null {
  const values = counts.map((count, i) => requireCount(count, `counts[${i}]`));
  const whole = requireCount(total, 'total');
  const sum = values.reduce((a, b) => a + b, 0n);
  if (sum === 0n) return null;
  const shares = values.map((v) => (whole * v) / sum);
  let left = whole - shares.reduce((a, b) => a + b, 0n);
  const byRemainder = values
    .map((v, index) => ({ index, remainder: (whole * v) % sum }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of byRemainder) {
    if (left === 0n) break;
    shares[index] += 1n;
    left -= 1n;
  }
  return shares.map(Number);
}

/**
 * `numerator / denominator` in percent, rounded half up (x.5 goes up) to `decimals` places from the
 * unrounded fraction, never from an already rounded figure: 1/8 is 12.5 % and gives 13. Null when
 * the denominator is 0.
 */
export function percentHalfUp({ numerator, denominator }: Fraction, decimals = 0): number | null {
  const n = requireCount(numerator, 'numerator');
  const d = requireCount(denominator, 'denominator');
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6) throw new RangeError('decimals must be 0 to 6');
  if (d === 0n) return null;
  const scale = 10n ** BigInt(decimals);
  const scaled = (2n * 100n * scale * n + d) / (2n * d);
  return Number(scaled) / Number(scale);
}
