import { readFileSync, readdirSync } from 'node:fs';
import { PostgresEventStore } from '@casetrail/event-store';
import { JsonLogger, createPostgresPool } from '@casetrail/platform';
import { openBenchDatabase, withClient } from '../shared/bench-database';
import { measure } from '../shared/measure';
import { CREATE_RAW_TABLE, portWriters, rawWriters } from '../append/append-writers';

function pgCpu(): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += Number(f[11]) + Number(f[12]);
    } catch {}
  }
  return total / 100;
}
async function main() {
  const db = await openBenchDatabase('cpu', new JsonLogger('warn', 'x', (l) => process.stderr.write(l)));
  try {
    await withClient(db.url, (c) => c.query(CREATE_RAW_TABLE));
    for (const round of [1, 2]) for (const kind of (process.env.KINDS ?? 'port,raw').split(',')) {
      const pool = createPostgresPool(db.url, { max: 10 });
      const store = await PostgresEventStore.create(pool);
      const writers = kind === 'port' ? portWriters(store, 'separate-streams', 8) : rawWriters(pool, 'separate-streams', 8);
      const c0 = process.cpuUsage(); const p0 = pgCpu(); const t0 = Date.now();
      const m = await measure(writers, { warmupSeconds: 0, measureSeconds: 4 });
      const c = process.cpuUsage(c0); const p = pgCpu() - p0; const secs = (Date.now() - t0) / 1000;
      const n = m.operations;
      console.log(round, kind, Math.round(m.perSecond), 'node us/op', Math.round((c.user + c.system) / n), 'pg us/op', Math.round((p * 1e6) / n), 'wall', secs);
      await store.close(); await pool.end();
    }
  } finally { await db.dispose(); }
}
main();
