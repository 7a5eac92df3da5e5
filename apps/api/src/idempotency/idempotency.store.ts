import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { PG_POOL, runSqlMigrations } from '@casetrail/platform';
import type { Pool } from 'pg';

const MIGRATIONS = [
  `CREATE TABLE api.idempotency_keys (
     actor text NOT NULL,
     key text NOT NULL,
     fingerprint text NOT NULL,
     status_code int,
     response_headers jsonb,
     response_body jsonb,
     created_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (actor, key)
   )`,
];

export type Claim =
  | { readonly outcome: 'claimed' }
  | { readonly outcome: 'in_progress' }
  | { readonly outcome: 'mismatch' }
  | { readonly outcome: 'replay'; readonly statusCode: number; readonly headers: Record<string, string>; readonly body: unknown };

/** Remembers the first response to each (user, Idempotency-Key) so that a retry gets it again. */
@Injectable()
export class IdempotencyStore implements OnModuleInit {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async onModuleInit(): Promise<void> {
    await runSqlMigrations(this.pool, 'api', MIGRATIONS);
  }

  /** Claims the key for this request, or says what the first request with it did. */
  async claim(actor: string, key: string, fingerprint: string): Promise<Claim> {
    const inserted = await this.pool.query(
      `INSERT INTO api.idempotency_keys (actor, key, fingerprint) VALUES ($1, $2, $3)
       ON CONFLICT (actor, key) DO NOTHING`,
      [actor, key, fingerprint],
    );
    if (inserted.rowCount === 1) return { outcome: 'claimed' };
    const { rows } = await this.pool.query<{ fingerprint: string; status_code: number | null; response_headers: Record<string, string>; response_body: unknown }>(
      'SELECT fingerprint, status_code, response_headers, response_body FROM api.idempotency_keys WHERE actor = $1 AND key = $2',
      [actor, key],
    );
    const row = rows[0];
    if (!row) return this.claim(actor, key, fingerprint);
    if (row.fingerprint !== fingerprint) return { outcome: 'mismatch' };
    if (row.status_code === null) return { outcome: 'in_progress' };
    return { outcome: 'replay', statusCode: row.status_code, headers: row.response_headers, body: row.response_body };
  }

  async complete(actor: string, key: string, statusCode: number, headers: Record<string, string>, body: unknown): Promise<void> {
    await this.pool.query(
      `UPDATE api.idempotency_keys SET status_code = $3, response_headers = $4, response_body = $5
        WHERE actor = $1 AND key = $2`,
      [actor, key, statusCode, JSON.stringify(headers), JSON.stringify(body)],
    );
  }

  /** A request that failed leaves no trace, so that it can be retried with the same key. */
  async release(actor: string, key: string): Promise<void> {
    await this.pool.query('DELETE FROM api.idempotency_keys WHERE actor = $1 AND key = $2 AND status_code IS NULL', [actor, key]);
  }
}
