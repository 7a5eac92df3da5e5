import { readdirSync, readFileSync } from 'node:fs';
import type { Pool } from 'pg';

/** PostgreSQL CPU seconds by process role. */
export interface ServerCpuSample {
  /** Backends serving this benchmark's database: the queries themselves. */
  readonly queries: number;
  readonly autovacuum: number;
  /** I/O workers (io_method=worker reads pages for the backends), WAL writer, checkpointer, background writer, … */
  readonly background: number;
  readonly total: number;
}

type Role = 'queries' | 'autovacuum' | 'background';

const POLL_MS = 500;

/**
 * CPU seconds (user + system) used by the PostgreSQL server's processes, by role, read from /proc:
 * the postmaster of one of our backends and all its children. Polled every 500 ms, so that
 * short-lived processes (autovacuum workers) are counted up to their last poll. Only when the
 * server runs on this machine (the embedded one does); otherwise `sample()` returns null.
 */
export class ServerCpu {
  private readonly totals: Record<Role, number> = { queries: 0, autovacuum: 0, background: 0 };
  private readonly seen = new Map<string, { ticks: number; role: Role }>();
  private readonly timer?: NodeJS.Timeout;

  private constructor(
    private readonly postmaster: number | null,
    private readonly database: string,
  ) {
    if (postmaster === null) return;
    this.poll(false);
    this.timer = setInterval(() => this.poll(true), POLL_MS);
    this.timer.unref();
  }

  static async locate(pool: Pool, database: string): Promise<ServerCpu> {
    try {
      const { rows } = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const backend = procStat(rows[0].pid);
      const postmaster = backend && backend.comm === 'postgres' ? procStat(backend.ppid) : undefined;
      return new ServerCpu(postmaster?.comm === 'postgres' ? postmaster.pid : null, database);
    } catch {
      return new ServerCpu(null, database);
    }
  }

  /** Seconds used since this sampler started, by role. */
  sample(): ServerCpuSample | null {
    if (this.postmaster === null) return null;
    this.poll(true);
    const { queries, autovacuum, background } = this.totals;
    return { queries, autovacuum, background, total: queries + autovacuum + background };
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Adds each server process's CPU since the last poll; a process new since then adds all of its own. */
  private poll(count: boolean): void {
    const alive = new Set<string>();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = procStat(Number(entry));
      if (!stat || (stat.pid !== this.postmaster && stat.ppid !== this.postmaster)) continue;
      const key = `${stat.pid}:${stat.startTime}`;
      alive.add(key);
      const before = this.seen.get(key);
      const role = before?.role ?? this.roleOf(stat.pid);
      if (count) this.totals[role] += (stat.cpuTicks - (before?.ticks ?? 0)) / 100;
      this.seen.set(key, { ticks: stat.cpuTicks, role });
    }
    for (const key of this.seen.keys()) if (!alive.has(key)) this.seen.delete(key);
  }

  private roleOf(pid: number): Role {
    const title = processTitle(pid);
    if (title.includes('autovacuum')) return 'autovacuum';
    return title.includes(` ${this.database} `) ? 'queries' : 'background';
  }
}

function processTitle(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/**
 * CPU seconds the whole machine was busy (all cores, everything but idle and iowait), from
 * /proc/stat; null where there is none. Less ours, it is what other processes took meanwhile.
 */
export function machineBusySeconds(): number | null {
  try {
    const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const ticks = fields.slice(0, 8).map(Number);
    return (ticks.reduce((a, b) => a + b, 0) - ticks[3] - ticks[4]) / 100;
  } catch {
    return null;
  }
}

/** Node's own CPU seconds (user + system) since the process started. */
export function nodeCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

function procStat(pid: number): { pid: number; comm: string; ppid: number; cpuTicks: number; startTime: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    const fields = stat.slice(close + 2).split(' ');
    return {
      pid,
      comm: stat.slice(stat.indexOf('(') + 1, close),
      ppid: Number(fields[1]),
      cpuTicks: Number(fields[11]) + Number(fields[12]),
      startTime: fields[19],
    };
  } catch {
    return undefined;
  }
}
