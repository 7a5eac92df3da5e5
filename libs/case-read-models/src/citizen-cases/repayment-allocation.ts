/**
 * Splits a repayment over the sanctions it repays in proportion to what each deducted, in whole
 * øre, with largest-remainder rounding so that the shares add up to the repayment exactly.
 */
export function allocateRepayment(amountOre: number, deductedOre: readonly number[]): number[] {
  const total = deductedOre.reduce((a, b) => a + b, 0);
  if (deductedOre.length === 0) return [];
  if (total === 0) return deductedOre.map((_, i) => (i === 0 ? amountOre : 0));
  const exact = deductedOre.map((d) => (BigInt(amountOre) * BigInt(d)));
  const shares = exact.map((x) => Number(x / BigInt(total)));
  let left = amountOre - shares.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((x, index) => ({ index, remainder: Number(x % BigInt(total)) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left === 0) break;
    shares[index]++;
    left--;
  }
  return shares;
}
