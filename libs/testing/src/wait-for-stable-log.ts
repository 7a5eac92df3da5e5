import type { EventStore } from '@casetrail/event-store';
import { waitFor } from './wait-for';

/**
 * Waits until the stable global log reaches `position` (a position a write returned). A report
 * with no position stands on the stable end, which any transaction open on the server, in any
 * database (another test file's), holds back for a moment; after this, and with no later writes,
 * every such report stands on `position`.
 */
export async function waitForStableLog(
  store: Pick<EventStore, 'readAll'>,
  position: bigint,
  { timeoutMs = 30_000 }: { timeoutMs?: number } = {},
): Promise<void> {
  await waitFor(
    `the global log to be stable through position ${position}`,
    async () => ((await store.readAll({ after: position - 1n, maxCount: 1 })).lastPosition >= position ? true : undefined),
    { timeoutMs, intervalMs: 20 },
  );
}
