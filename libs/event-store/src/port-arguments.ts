import { InvalidAppendError } from './event-store.errors';
import type { EventToAppend, ExpectedRevision } from './event-store.port';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STREAM_NAME = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;

/** Checks an append before any adapter sees it, so that both adapters refuse the same input. */
export function validateAppend(
  streamName: string,
  events: readonly EventToAppend[],
  expected: ExpectedRevision,
): void {
  if (!STREAM_NAME.test(streamName)) {
    throw new InvalidAppendError(
      `Stream name "${streamName.slice(0, 64)}" must be 1-200 characters of letters, digits, '.', '_', ':' or '-'`,
    );
  }
  if (events.length === 0) throw new InvalidAppendError('An append needs at least one event');
  const ids = new Set<string>();
  for (const event of events) {
    if (!UUID.test(event.id)) throw new InvalidAppendError(`Event id "${event.id}" is not a UUID`);
    if (ids.has(event.id.toLowerCase())) {
      throw new InvalidAppendError(`Event id ${event.id} appears twice in one append`);
    }
    ids.add(event.id.toLowerCase());
    if (!event.type || event.type.length > 200) {
      throw new InvalidAppendError('Event type must be 1-200 characters');
    }
  }
  if (typeof expected === 'number' && (!Number.isSafeInteger(expected) || expected < 0)) {
    throw new InvalidAppendError(`Expected revision ${expected} is not a revision`);
  }
}

/** A page size from the caller's count: at least 1, at most `max`, `fallback` when not given. */
export function pageSize(value: number | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`maxCount ${value} must be a positive integer`);
  return Math.min(value, max);
}
