import { Presets, SingleBar } from 'cli-progress';
import { PROJECTIONS, createReadModelDataSource, migrateReadModels, rebuildProjections, type RebuildProgress } from '@casetrail/case-read-models';
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
  const pool = createPostgresPool(server.url, { max: 12, applicationName: 'casetrail-rebuild' });
  const dataSource = createReadModelDataSource(server.url);
  try {
    await dataSource.initialize();
    await migrateReadModels(dataSource);
    const store = await createEventStore(config, pool, logger);
    const chosen = PROJECTIONS.filter((p) => names.length === 0 || names.includes(p.name));
    const progress = progressReporter(chosen.map((p) => p.name).join(', '), await countEvents(pool));
    const started = Date.now();
    const done = await rebuildProjections(store, pool, chosen, { onProgress: progress.update });
    progress.stop();
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(`${done.eventsRead} log events read once in ${seconds.toFixed(1)} s (${Math.round(done.eventsRead / seconds)} events/s)\n`);
    for (const rebuilt of done.projections) {
      process.stdout.write(`${rebuilt.projection}: rebuilt, ${rebuilt.eventsApplied} events applied, swapped in at position ${rebuilt.position}\n`);
    }
    await store.close();
  } finally {
    await dataSource.destroy().catch(() => undefined);
    await pool.end();
    await server.stop();
  }
}

/** Events in the PostgreSQL store's log, for the ETA; unknown (null) on other stores. */
async function countEvents(pool: ReturnType<typeof createPostgresPool>): Promise<number | null> {
  try {
    const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM event_store.events');
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
      { format: `${name} [{bar}] {value}/{total} log events | {rate} events/s | ETA {eta_formatted} | {phase}`, hideCursor: true },
      Presets.shades_classic,
    );
    bar.start(total ?? 0, 0, { rate: 0, phase: 'reading' });
    return {
      update: (p: RebuildProgress) => bar.update(p.eventsRead, { rate: Math.round(rate(p.eventsRead)), phase: p.phase }),
      stop: () => bar.stop(),
    };
  }
  let lastLine = 0;
  return {
    update: (p: RebuildProgress) => {
      if (Date.now() - lastLine < 1000 && p.phase !== 'done') return;
      lastLine = Date.now();
      const perSecond = rate(p.eventsRead);
      const eta = total && perSecond > 0 ? `, ETA ${Math.max(0, Math.round((total - p.eventsRead) / perSecond))} s` : '';
      process.stdout.write(`${name}: ${p.phase}, ${p.eventsRead}${total ? `/${total}` : ''} log events, ${Math.round(perSecond)} events/s${eta}\n`);
    },
    stop: () => undefined,
  };
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : (error as Error).stack}\n`);
  process.exit(1);
});
