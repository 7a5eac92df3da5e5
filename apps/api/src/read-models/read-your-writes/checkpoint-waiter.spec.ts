import { ServiceUnavailableException } from '@nestjs/common';
import { loadConfig } from '@casetrail/platform';
import type { Pool } from 'pg';
import { CheckpointWaiter } from './checkpoint-waiter';

/** A pool whose projection_checkpoints rows the test moves, counting the queries. */
function fakeCheckpoints(initial: Record<string, bigint>) {
  const positions = new Map(Object.entries(initial));
  let queries = 0;
  const pool = {
    query: async () => {
      queries++;
      return {
        rows: [...positions].map(([projection, position]) => ({ projection, position: position.toString(), events_applied: '0', updated_at: new Date() })),
      };
    },
  } as unknown as Pool;
  return { pool, positions, queries: () => queries };
}

const waiterWith = (pool: Pool, timeoutMs: number) => new CheckpointWaiter(pool, loadConfig({ READ_YOUR_WRITES_TIMEOUT_MS: String(timeoutMs) }));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('CheckpointWaiter', () => {
  it('answers at once, with one query, when every named projection has reached the position', async () => {
    const checkpoints = fakeCheckpoints({ 'citizen-cases': 10n, 'audit-trail': 12n });
    await waiterWith(checkpoints.pool, 1_000).waitFor(['citizen-cases', 'audit-trail'], 10n);
    expect(checkpoints.queries()).toBe(1);
  });

  it('waits until the slowest named projection reaches the position', async () => {
    const checkpoints = fakeCheckpoints({ 'citizen-cases': 5n, 'audit-trail': 5n });
    const waiter = waiterWith(checkpoints.pool, 2_000);
    let done = false;
    const waiting = waiter.waitFor(['citizen-cases', 'audit-trail'], 20n).then(() => (done = true));
    checkpoints.positions.set('citizen-cases', 20n);
    await sleep(80);
    expect(done).toBe(false);
    checkpoints.positions.set('audit-trail', 21n);
    await waiting;
    expect(done).toBe(true);
  });

  it('polls once per tick however many requests wait', async () => {
    const checkpoints = fakeCheckpoints({ 'citizen-cases': 0n });
    const waiter = waiterWith(checkpoints.pool, 2_000);
    const waiting = Array.from({ length: 20 }, (_, i) => waiter.waitFor(['citizen-cases'], BigInt(i + 1)));
    await sleep(10);
    const afterFirstLooks = checkpoints.queries();
    await sleep(150);
    expect(checkpoints.queries() - afterFirstLooks).toBeLessThanOrEqual(8);
    checkpoints.positions.set('citizen-cases', 20n);
    await Promise.all(waiting);
  });

  it('gives up after the bound with 503 READ_MODEL.NOT_YET_CAUGHT_UP naming the projections behind', async () => {
    const checkpoints = fakeCheckpoints({ 'citizen-cases': 7n, 'audit-trail': 100n });
    const started = Date.now();
    const error = await waiterWith(checkpoints.pool, 100)
      .waitFor(['citizen-cases', 'audit-trail', 'committee-minutes'], 50n)
      .catch((e: unknown) => e);
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
    expect(error).toBeInstanceOf(ServiceUnavailableException);
    expect((error as ServiceUnavailableException).getResponse()).toMatchObject({
      code: 'READ_MODEL.NOT_YET_CAUGHT_UP',
      minPosition: '50',
      projections: [
        { name: 'citizen-cases', position: '7' },
        { name: 'committee-minutes', position: '0' },
      ],
    });
  });

  it('with a bound of 0 answers 503 at once instead of waiting', async () => {
    const checkpoints = fakeCheckpoints({ 'citizen-cases': 1n });
    await expect(waiterWith(checkpoints.pool, 0).waitFor(['citizen-cases'], 2n)).rejects.toBeInstanceOf(ServiceUnavailableException);
    expect(checkpoints.queries()).toBe(1);
  });

  it('lets go of waiting requests when the application stops', async () => {
    const checkpoints = fakeCheckpoints({ 'citizen-cases': 1n });
    const waiter = waiterWith(checkpoints.pool, 5_000);
    const waiting = waiter.waitFor(['citizen-cases'], 2n).catch((e: unknown) => e);
    await sleep(10);
    waiter.beforeApplicationShutdown();
    expect(await waiting).toBeInstanceOf(ServiceUnavailableException);
  });
});
