import { readFileSync, readdirSync } from 'node:fs';
import { JsonLogger, createPostgresPool, uuidv7 } from '@casetrail/platform';
import { openBenchDatabase, withClient } from '../shared/bench-database';
import { measure } from '../shared/measure';
import { voteCast } from '../append/vote-cast';

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
const SETUP = `
CREATE TABLE raw (stream_name text, revision bigint, id uuid, type text, data jsonb, metadata jsonb);
CREATE TABLE ev (seq bigint GENERATED ALWAYS AS IDENTITY, tx_id xid8 NOT NULL DEFAULT pg_current_xact_id(), stream_name text NOT NULL, revision bigint NOT NULL, id uuid NOT NULL, type text NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL, PRIMARY KEY (stream_name, revision), UNIQUE (id));
CREATE UNIQUE INDEX ev_g ON ev (tx_id, seq);
CREATE TABLE st (stream_name text PRIMARY KEY, revision bigint NOT NULL) WITH (fillfactor = 70);
`;
const variants: Record<string, string> = {
  raw: `INSERT INTO raw VALUES ($1, $2, $3::uuid, $4, $5::jsonb, $6::jsonb)`,
  evOnly: `INSERT INTO ev (stream_name, revision, id, type, data, metadata) VALUES ($1, $2, $3::uuid, $4, $5::jsonb, $6::jsonb) RETURNING revision, tx_id::text, seq`,
  withStreams: `WITH head AS (INSERT INTO st AS s (stream_name, revision) VALUES ($1, 0) ON CONFLICT (stream_name) DO UPDATE SET revision = s.revision + 1 WHERE s.revision = $2::bigint - 1 RETURNING s.revision AS rev)
    INSERT INTO ev (stream_name, revision, id, type, data, metadata) SELECT $1, head.rev, $3::uuid, $4, $5::jsonb, $6::jsonb FROM head RETURNING revision, tx_id::text, seq`,
  existsCheck: `INSERT INTO ev (stream_name, revision, id, type, data, metadata) SELECT $1, $2, $3::uuid, $4, $5::jsonb, $6::jsonb
    WHERE $2::bigint = 0 OR EXISTS (SELECT 1 FROM ev WHERE stream_name = $1 AND revision = $2::bigint - 1) RETURNING revision, tx_id::text, seq`,
};
async function main() {
  const db = await openBenchDatabase('scratch', new JsonLogger('warn', 'x', (l) => process.stderr.write(l)));
  const agg = new Map<string, number[]>();
  try {
    await withClient(db.url, (c) => c.query(SETUP));
    for (let round = 0; round < 3; round++) for (const [name, sql] of (round % 2 ? Object.entries(variants).reverse() : Object.entries(variants))) {
      const pool = createPostgresPool(db.url, { max: 10 });
      const writers = Array.from({ length: 8 }, () => {
        const stream = `citizen-case-${uuidv7()}`; let rev = 0;
        return async () => {
          const e = voteCast();
          await pool.query({ name, text: sql, values: [stream, rev, e.id, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata)] });
          rev++;
        };
      });
      const p0 = pgCpu();
      const m = await measure(writers, { warmupSeconds: 0.5, measureSeconds: 3 });
      const pgus = ((pgCpu() - p0) * 1e6) / m.operations;
      agg.set(name, [...(agg.get(name) ?? []), m.perSecond, pgus]);
      console.log(round, name.padEnd(12), Math.round(m.perSecond), 'pg us/op', Math.round(pgus));
      await pool.end();
    }
  } finally { await db.dispose(); }
}
main();
