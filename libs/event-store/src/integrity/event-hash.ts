import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** The previous hash of a stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** SHA-256 (hex) of the canonical JSON of an event's id, type, data and metadata. */
export function contentDigest(event: { readonly id: string; readonly type: string; readonly data: unknown; readonly metadata: unknown }): string {
  return sha256(canonicalJson({ id: event.id, type: event.type, data: event.data, metadata: event.metadata }));
}

/**
 * An event's place in its stream's chain: SHA-256 (hex) of `<previous hash>:<stream>:<revision>:<digest>`.
 * The PostgreSQL adapter computes the same in its insert trigger (postgres-schema.ts).
 */
export function chainHash(previousHash: string, streamName: string, revision: number, digest: string): string {
  return sha256(`${previousHash}:${streamName}:${revision}:${digest}`);
}

/** The global log's running hash after one more event: SHA-256 (hex) of `<running hash>:<event hash>`. */
export function runningHash(previous: string, eventHash: string): string {
  return sha256(`${previous}:${eventHash}`);
}
