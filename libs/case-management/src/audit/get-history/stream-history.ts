import type { RecordedEvent } from '@casetrail/event-store';

/** One event of a stream's timeline with both its times, who recorded it and under which correlation. */
export interface HistoryEntry {
  readonly revision: number;
  /** Global position, decimal string. */
  readonly position: string;
  readonly id: string;
  readonly type: string;
  readonly recordedAt: string;
  /** When the fact took effect in the world, as stored; null for an event stored without one. */
  readonly effectiveAt: string | null;
  readonly actor: string;
  readonly correlationId: string;
  /** The event's facts, for a caller to summarise (the API adds the audit trail's one-line summary). */
  readonly data: unknown;
}

export interface StreamHistory {
  readonly streamName: string;
  readonly revision: number;
  readonly position: string;
  readonly events: readonly HistoryEntry[];
}

export function historyEntry(event: RecordedEvent): HistoryEntry {
  const { metadata } = event;
  return {
    revision: event.revision,
    position: event.position.toString(),
    id: event.id,
    type: event.type,
    recordedAt: metadata.recordedAt,
    effectiveAt: typeof metadata.effectiveAt === 'string' ? metadata.effectiveAt : null,
    actor: metadata.actor,
    correlationId: metadata.correlationId,
    data: event.data,
  };
}

/** The whole timeline of a non-empty stream, in revision order. */
export function streamHistory(streamName: string, history: readonly RecordedEvent[]): StreamHistory {
  const last = history[history.length - 1];
  return { streamName, revision: last.revision, position: last.position.toString(), events: history.map(historyEntry) };
}
