import { allocateRepayment } from './repayment-allocation';

describe('allocateRepayment', () => {
  it('gives a single sanction the whole repayment', () => {
    expect(allocateRepayment(12345, [50000])).toEqual([12345]);
  });

  it('splits in proportion to the deductions and always adds up to the repayment', () => {
    expect(allocateRepayment(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateRepayment(1000, [300, 700])).toEqual([300, 700]);
    for (const [amount, deducted] of [[99999, [12, 34, 56]], [1, [5, 5]], [7, [1, 2, 3, 4]]] as const) {
      const shares = allocateRepayment(amount, deducted);
      expect(shares.reduce((a, b) => a + b, 0)).toBe(amount);
      expect(shares.every((s) => Number.isInteger(s) && s >= 0)).toBe(true);
    }
  });
});
