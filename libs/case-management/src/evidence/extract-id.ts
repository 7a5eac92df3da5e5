import { createHash } from 'node:crypto';

/** SHA-256 of a document, lower-case hex. */
export function documentDigest(document: string | Buffer): string {
  return createHash('sha256').update(document).digest('hex');
}

/**
 * The extract's id, derived from the document's SHA-256 digest (its first 128 bits as a UUID,
 * version 8): importing the same document again lands on the same stream, which makes the import
 * idempotent also when two imports race.
 */
export function extractIdOf(digestHex: string): string {
  if (!/^[0-9a-f]{64}$/.test(digestHex)) throw new RangeError('A SHA-256 digest is 64 lower-case hex digits');
  const bytes = Buffer.from(digestHex.slice(0, 32), 'hex');
  bytes[6] = (bytes[6] & 0x0f) | 0x80;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
