import { readFileSync } from 'node:fs';
import { machineBusySeconds, type ServerCpu } from '../rebuild/rebuild-timing';

/** CPU seconds (user + system, all threads) a process has used so far; null once it is gone. */
export function processCpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** CPU seconds used during one measured window, by process. */
export interface CpuUse {
  readonly api: number | null;
  readonly projector: number | null;
  /** Every process of the PostgreSQL server (queries, WAL writer, checkpointer, autovacuum, …). */
  readonly postgres: number | null;
  readonly loadGenerator: number;
  /** The rest of the machine's busy time meanwhile: the benchmark itself and anything else running. */
  readonly other: number | null;
}

interface Reading {
  readonly api: number | null;
  readonly projector: number | null;
  readonly postgres: number | null;
  readonly machine: number | null;
}

/** Reads the CPU time of the API, the projector and the PostgreSQL server at the edges of a window. */
export class CpuMeter {
  constructor(
    private readonly pids: { readonly api: number; readonly projector?: number },
    private readonly server: ServerCpu,
  ) {}

  read(): Reading {
    return {
      api: processCpuSeconds(this.pids.api),
      projector: this.pids.projector === undefined ? null : processCpuSeconds(this.pids.projector),
      postgres: this.server.sample()?.total ?? null,
      machine: machineBusySeconds(),
    };
  }

  between(before: Reading, after: Reading, loadGenerator: number): CpuUse {
    const diff = (key: keyof Reading) => (before[key] === null || after[key] === null ? null : (after[key] as number) - (before[key] as number));
    const [api, projector, postgres, machine] = [diff('api'), diff('projector'), diff('postgres'), diff('machine')];
    const ours = (api ?? 0) + (projector ?? 0) + (postgres ?? 0) + loadGenerator;
    return { api, projector, postgres, loadGenerator, other: machine === null ? null : Math.max(0, machine - ours) };
  }
}
