import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { PROJECTIONS, readCheckpoints } from '@casetrail/case-read-models';
import { waitFor } from '@casetrail/testing';
import type { Pool } from 'pg';

/** The built projector host, as production runs it beside the API (`npm run start:projector`). */
export const PROJECTOR_SCRIPT = resolve(__dirname, '../../dist/apps/projector/src/main.js');

/** The application name the projector's connections carry (apps/projector/src/main.ts). */
const PROJECTOR_APPLICATION = 'casetrail-projector';

export interface ProjectorProcess {
  /** SIGKILL, as a crash or an OOM kill: no shutdown code runs. */
  kill(): Promise<void>;
  /** SIGTERM: the projector finishes its batch and stops. */
  stop(): Promise<void>;
}

export function assertProjectorBuilt(): void {
  if (!existsSync(PROJECTOR_SCRIPT)) throw new Error(`${PROJECTOR_SCRIPT} is missing: run "npm run build" first (npm test does)`);
}

/** Starts the projector in a process of its own on the given database. */
export function startProjectorProcess(databaseUrl: string): ProjectorProcess {
  const child = spawn(process.execPath, [PROJECTOR_SCRIPT], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'error', NODE_ENV: 'test' },
    stdio: 'ignore',
  });
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  return {
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Each projection's checkpoint, in the order of PROJECTIONS (0 before its first batch). */
export async function projectionPositions(pool: Pool): Promise<bigint[]> {
  const checkpoints = await readCheckpoints(pool);
  return PROJECTIONS.map((p) => checkpoints.find((c) => c.projection === p.name)?.position ?? 0n);
}

/**
 * Transaction ids (xid8, as text) of the projector's transactions that have written something, i.e.
 * batches between their checkpoint lock and their commit. Reads of the log take no transaction id.
 */
export async function openProjectorBatches(pool: Pool): Promise<string[]> {
  const { rows } = await pool.query<{ next: string; xid: string }>(
    `SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS next, backend_xid::text AS xid
       FROM pg_stat_activity WHERE application_name = $1 AND backend_xid IS NOT NULL`,
    [PROJECTOR_APPLICATION],
  );
  return rows.map((row) => toXid8(BigInt(row.next), BigInt(row.xid)).toString());
}

/**
 * How many of the given transactions ended rolled back, once the server has noticed that their
 * process is gone: a batch the kill cut off midway.
 */
export async function countRolledBack(pool: Pool, xids: readonly string[]): Promise<number> {
  let rolledBack = 0;
  for (const xid of xids) {
    const status = await waitFor(
      `transaction ${xid} of the killed projector to end`,
      async () => {
        const { rows } = await pool.query<{ status: string | null }>('SELECT pg_xact_status($1::xid8) AS status', [xid]);
        return rows[0].status === 'in progress' ? undefined : rows[0].status;
      },
      { timeoutMs: 30_000, intervalMs: 5 },
    );
    if (status === 'aborted') rolledBack++;
  }
  return rolledBack;
}

/**
 * A 32-bit xid as the full xid8 it stands for: the one nearest to the server's next xid8 (the xid may
 * be a little newer than that, when it was assigned after the snapshot was taken).
 */
function toXid8(next: bigint, xid: bigint): bigint {
  const candidate = (next & ~0xffffffffn) | xid;
  if (candidate > next + 0x8000_0000n) return candidate - 0x1_0000_0000n;
  if (candidate < next - 0x8000_0000n) return candidate + 0x1_0000_0000n;
  return candidate;
}
