import type { RecordedEvent } from '@casetrail/event-store';

/**
 * One event as a line of the NDJSON export (docs/verify-export.md): `contentDigest` is SHA-256 of
 * `jq -cS '{id,type,data,metadata}'`, `hash` chains it to the previous line. `position` is the
 * event's place in the global log and is covered by neither.
 */
export interface ExportedEvent {
  readonly streamName: string;
  readonly revision: number;
  readonly position: string;
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: RecordedEvent['metadata'];
  readonly contentDigest: string | null;
  readonly hash: string | null;
}

export function exportLine(event: RecordedEvent): string {
  const line: ExportedEvent = {
    streamName: event.streamName,
    revision: event.revision,
    position: event.position.toString(),
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
    contentDigest: event.integrity?.contentDigest ?? null,
    hash: event.integrity?.hash ?? null,
  };
  return `${JSON.stringify(line)}\n`;
}
