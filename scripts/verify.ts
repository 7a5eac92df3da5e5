import { GlobalSeal, createEventStore } from '@casetrail/event-store';
import { ConfigError, JsonLogger, createPostgresPool, loadConfig, provideDatabaseServer } from '@casetrail/platform';

/**
 * `npm run verify`: recomputes every event's digest, every stream's hash chain and every sealed
 * running hash of the global log. Exit 0 when the history is the history that was written; exit 1
 * naming the first event or sealed position that does not match.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = new JsonLogger('warn', 'verify', (line) => process.stderr.write(line));
  const server = await provideDatabaseServer(config, logger);
  const pool = createPostgresPool(server.url, { max: 3, applicationName: 'casetrail-verify' });
  try {
    const store = await createEventStore(config, pool, logger);
    const seal = await GlobalSeal.create(store, pool);
    const latest = await seal.latestCheckpoint();
    const result = await seal.verifyAll((checked) => process.stderr.write(`\r${checked} events checked`));
    process.stderr.write('\n');
    await store.close();
    if (result.ok) {
      process.stdout.write(
        `OK: ${result.eventsChecked} events in ${result.streamsChecked} streams verified; ${result.checkpointsChecked} sealed checkpoints match` +
          (latest ? `; latest sealed hash ${latest.runningHash} at position ${latest.position} (${latest.eventCount} events)` : '') +
          '\n',
      );
      return;
    }
    const p = result.problem;
    process.stdout.write(`FAILED: ${p?.kind}${p?.streamName ? ` in ${p.streamName} at revision ${p.revision} (event ${p.eventId})` : ''}${p?.position ? `, position ${p.position}` : ''}: ${p?.detail}\n`);
    process.exitCode = 1;
  } finally {
    await pool.end();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : (error as Error).stack}\n`);
  process.exit(2);
});
