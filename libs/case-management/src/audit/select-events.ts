import type { RecordedEvent } from '@casetrail/event-store';
import type { AsOfView } from './as-of-view';

/** When the system recorded an event, in ms since the epoch. */
export function recordedTime(event: RecordedEvent): number {
  return Date.parse(event.metadata.recordedAt);
}

/** The event's own effective time as stored (metadata.effectiveAt), or its recorded time when it has none. */
export function statedEffectiveTime(event: RecordedEvent): number {
  const stated = event.metadata.effectiveAt;
  const ms = typeof stated === 'string' ? Date.parse(stated) : NaN;
  return Number.isNaN(ms) ? recordedTime(event) : ms;
}

/**
 * Each event's effective time for replays, by event id. A correction takes effect when the fact it
 * corrects did (a correction of a correction, when the original did), so it applies to the world as
 * it stood then. A correction naming no earlier event of the history keeps its own time.
 */
export function effectiveTimes(history: readonly RecordedEvent[]): ReadonlyMap<RecordedEvent, number> {
  const byId = new Map<string, number>();
  const times = new Map<RecordedEvent, number>();
  for (const event of history) {
    const corrected = correctedEventId(event);
    const time = (corrected !== undefined ? byId.get(corrected) : undefined) ?? statedEffectiveTime(event);
    byId.set(event.id, time);
    times.set(event, time);
  }
  return times;
}

/** The events a view takes into account, in revision order (the order the write side folded them). */
export function selectEvents(history: readonly RecordedEvent[], view: AsOfView): RecordedEvent[] {
  switch (view.kind) {
    case 'atRevision':
      return history.filter((event) => event.revision <= view.revision);
    case 'recordedAt': {
      const at = Date.parse(view.at);
      return history.filter((event) => recordedTime(event) <= at);
    }
    case 'effectiveAt': {
      const at = Date.parse(view.at);
      const times = effectiveTimes(history);
      return history.filter((event) => (times.get(event) as number) <= at);
    }
  }
}

function correctedEventId(event: RecordedEvent): string | undefined {
  if (event.type !== 'FactCorrected') return undefined;
  const id = (event.data as { readonly correctsEventId?: unknown } | null)?.correctsEventId;
  return typeof id === 'string' ? id : undefined;
}
