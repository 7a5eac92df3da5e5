import { runSqlMigrations } from '@casetrail/platform';
import type { Pool } from 'pg';
import type { EventStore } from '../event-store.port';
import { GENESIS_HASH, runningHash } from './event-hash';
import { LogVerifier, type SealedCheckpoint, type VerificationResult } from './verify-log';

const MIGRATIONS = [
  `CREATE TABLE integrity.checkpoints (
     position numeric(40, 0) PRIMARY KEY,
     event_count bigint NOT NULL,
     running_hash text NOT NULL,
     sealed_at timestamptz NOT NULL DEFAULT now()
   )`,
];

const SEAL_EVERY = 1000;
const PAGE = 5000;

/**
 * The running hash over the global log, sealed at regular positions in PostgreSQL (schema
 * `integrity`). An auditor who keeps the latest sealed hash outside the system can later prove
 * that nothing before it changed: `npm run verify` recomputes every sealed hash.
 */
export class GlobalSeal {
  private constructor(
    private readonly store: EventStore,
    private readonly pool: Pool,
  ) {}

  static async create(store: EventStore, pool: Pool): Promise<GlobalSeal> {
    await runSqlMigrations(pool, 'integrity', MIGRATIONS);
    return new GlobalSeal(store, pool);
  }

  /** Seals the events written since the last seal: one checkpoint every 1,000 events and one at the end. */
  async sealNew(): Promise<SealedCheckpoint | undefined> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['casetrail.integrity.seal']);
      let latest = await this.latest(client);
      let after = latest?.position ?? 0n;
      let running = latest?.runningHash ?? GENESIS_HASH;
      let count = latest?.eventCount ?? 0;
      for (;;) {
        const page = await this.store.readAll({ after, maxCount: PAGE });
        for (const event of page.events) {
          running = runningHash(running, event.integrity?.hash ?? '');
          count++;
          const atEnd = page.isEnd && event === page.events[page.events.length - 1];
          if (count % SEAL_EVERY === 0 || atEnd) {
            latest = { position: event.position, eventCount: count, runningHash: running };
            await client.query('INSERT INTO integrity.checkpoints (position, event_count, running_hash) VALUES ($1::numeric, $2, $3) ON CONFLICT DO NOTHING', [
              latest.position.toString(),
              latest.eventCount,
              latest.runningHash,
            ]);
          }
        }
        after = page.lastPosition;
        if (page.isEnd) break;
      }
      await client.query('COMMIT');
      return latest;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async latestCheckpoint(): Promise<SealedCheckpoint | undefined> {
    return this.latest(this.pool);
  }

  /** Recomputes every stream chain and every sealed running hash over the whole log. */
  async verifyAll(onProgress?: (eventsChecked: number) => void): Promise<VerificationResult> {
    const { rows } = await this.pool.query<{ position: string; event_count: string; running_hash: string }>(
      'SELECT position::text AS position, event_count, running_hash FROM integrity.checkpoints ORDER BY position',
    );
    const verifier = new LogVerifier(rows.map((r) => ({ position: BigInt(r.position), eventCount: Number(r.event_count), runningHash: r.running_hash })));
    let after = 0n;
    let checked = 0;
    for (;;) {
      const page = await this.store.readAll({ after, maxCount: PAGE });
      for (const event of page.events) {
        if (!verifier.check(event)) return verifier.finish();
        checked++;
      }
      onProgress?.(checked);
      after = page.lastPosition;
      if (page.isEnd) return verifier.finish();
    }
  }

  private async latest(db: Pick<Pool, 'query'>): Promise<SealedCheckpoint | undefined> {
    const { rows } = await db.query<{ position: string; event_count: string; running_hash: string }>(
      'SELECT position::text AS position, event_count, running_hash FROM integrity.checkpoints ORDER BY position DESC LIMIT 1',
    );
    return rows[0] ? { position: BigInt(rows[0].position), eventCount: Number(rows[0].event_count), runningHash: rows[0].running_hash } : undefined;
  }
}
