import type { GlobalLogFilter } from './event-store.port';

/** Whether an event of `type` in `streamName` is one the filter selects (no filter selects all). */
export function matchesLogFilter(streamName: string, type: string, filter: GlobalLogFilter | undefined): boolean {
  if (filter?.eventTypes?.length && !filter.eventTypes.includes(type)) return false;
  if (filter?.streamPrefixes?.length && !filter.streamPrefixes.some((prefix) => streamName.startsWith(prefix))) return false;
  return true;
}
