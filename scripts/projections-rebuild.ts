import { Presets, SingleBar } from 'cli-progress';
import { PROJECTIONS, createReadModelDataSource, migrateReadModels, rebuildProjection, type RebuildProgress } from '@casetrail/case-read-models';
import { createEventStore } from '@casetrail/event-store';
import { ConfigError, JsonLogger, createPostgresPool, loadConfig, provideDatabaseServer } from '@casetrail/platform';

/**
 * `npm run projections:rebuild [name…]`: rebuilds the named projections (all without a name) from
 * position zero into fresh tables and swaps them in; the API keeps answering from the old tables
 * meanwhile. Shows a progress bar on a terminal, plain progress lines otherwise.
 */
async function main(): Promise<void> {
  const names = process.argv.slice(2);
  const unknown = names.filter((name) => !PROJECTIONS.some((p) => p.name === name));
  if (unknown.length > 0) {
    process.stderr.write(`Unknown projection ${unknown.join(', ')}; choose from ${PROJECTIONS.map((p) => p.name).join(', ')}\n`);
    process.exit(2);
  }
  const config = loadConfig();
  const logger = new JsonLogger(config.logLevel === 'debug' ? 'debug' : 'warn', 'rebuild', (line) => process.stderr.write(line));
  const server = await provideDatabaseServer(config, logger);
  const pool = createPostgresPool(server.url, { max: 6, applicationName: 'casetrail-rebuild' });
  const dataSource = createReadModelDataSource(server.url);
  try {
    await dataSource.initialize();
    await migrateReadModels(dataSource);
    const store = await createEventStore(config, pool, logger);
    for (const projection of PROJECTIONS.filter((p) => names.length === 0 || names.includes(p.name))) {
      const progress = progressReporter(projection.name, await countEvents(pool, projection.filter?.streamPrefixes));
      const started = Date.now();
      const done = await rebuildProjection(store, pool, projection, { onProgress: progress.update });
      progress.stop();
      const seconds = (Date.now() - started) / 1000;
      process.stdout.write(`${projection.name}: rebuilt, ${done.eventsApplied} events applied in ${seconds.toFixed(1)} s, swapped in at position ${done.position}\n`);
    }
    await store.close();
  } finally {
    await dataSource.destroy().catch(() => undefined);
    await pool.end();
    await server.stop();
  }
}

/** Events a projection will see in the PostgreSQL store, for the ETA; unknown (null) on other stores. */
async function countEvents(pool: ReturnType<typeof createPostgresPool>, prefixes: readonly string[] = []): Promise<number | null> {
  try {
    const { rows } = await pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM event_store.events
        WHERE cardinality($1::text[]) = 0 OR EXISTS (SELECT 1 FROM unnest($1::text[]) p WHERE starts_with(stream_name, p))`,
      [[...prefixes]],
    );
    return Number(rows[0].n);
  } catch {
    return null;
  }
}

function progressReporter(name: string, total: number | null) {
  const started = Date.now();
  const rate = (done: number) => done / Math.max((Date.now() - started) / 1000, 0.001);
  if (process.stdout.isTTY) {
    const bar = new SingleBar(
      { format: `${name} [{bar}] {value}/{total} events | {rate} events/s | ETA {eta_formatted}`, hideCursor: true },
      Presets.shades_classic,
    );
    bar.start(total ?? 0, 0, { rate: 0 });
    return {
      update: (p: RebuildProgress) => bar.update(p.eventsApplied, { rate: Math.round(rate(p.eventsApplied)) }),
      stop: () => bar.stop(),
    };
  }
  let lastLine = 0;
  return {
    update: (p: RebuildProgress) => {
      if (Date.now() - lastLine < 1000 && p.phase !== 'done') return;
      lastLine = Date.now();
      const perSecond = rate(p.eventsApplied);
      const eta = total && perSecond > 0 ? `, ETA ${Math.max(0, Math.round((total - p.eventsApplied) / perSecond))} s` : '';
      process.stdout.write(`${name}: ${p.eventsApplied}${total ? `/${total}` : ''} events, ${Math.round(perSecond)} events/s${eta}\n`);
    },
    stop: () => undefined,
  };
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : (error as Error).stack}\n`);
  process.exit(1);
});
