/**
 * A PostgreSQL global position packs the committing transaction's id (xid8) and the row's sequence
 * number into one bigint: (tx_id << 64) | seq. Ordering by it equals ordering by (tx_id, seq), the
 * order in which subscribers can read the log without skipping a late-committing transaction.
 */
const SEQ_BITS = 64n;
const SEQ_MASK = (1n << SEQ_BITS) - 1n;

export function encodePosition(txId: string, seq: string): bigint {
  return (BigInt(txId) << SEQ_BITS) | BigInt(seq);
}

export function decodePosition(position: bigint): { txId: string; seq: string } {
  if (position < 0n) throw new RangeError('A global position cannot be negative');
  return { txId: (position >> SEQ_BITS).toString(), seq: (position & SEQ_MASK).toString() };
}
