import { createHash } from 'node:crypto';
import { canonicalJson } from '@casetrail/event-store';

/**
 * A report's JSON bytes: canonical (keys sorted, no whitespace; money integer øre, positions decimal
 * strings), so that the same figures always give the same bytes, also after the report has been
 * stored in an event and read back.
 */
export function reportJson(report: unknown): string {
  return canonicalJson(report);
}

/** `sha256:<hex>` of the report's canonical JSON. */
export function reportDigest(report: unknown): string {
  return `sha256:${createHash('sha256').update(reportJson(report), 'utf8').digest('hex')}`;
}
