import { getPostgreSQLEventStore, type PostgresEventStore as EmmettEventStore } from '@event-driven-io/emmett-postgresql';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Pool, types } from 'pg';

export type { EmmettEventStore };

type TypeParser = (value: string) => unknown;

/** The pg type parsers Emmett's driver layer (dumbo) replaces: int8 as BigInt, JSON through its serializer. */
const PARSED_BY_EMMETT = [types.builtins.INT8, types.builtins.JSON, types.builtins.JSONB];

let emmettParsers: ReadonlyMap<number, TypeParser> | undefined;

/** Emmett's parsers where it set its own, pg's (global) parsers for everything else. */
const emmettTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    (format !== 'binary' && emmettParsers?.get(oid)) || types.getTypeParser(oid, format)) as typeof types.getTypeParser,
};

/**
 * Emmett's PostgreSQL event store on a pool of its own (`max` clients), with no projections and its
 * schema created, so that no append pays for it.
 *
 * Emmett's driver layer sets pg's process-wide type parsers the first time a store is created. Here
 * they are kept on Emmett's pool alone, and the rest of the process keeps the parsers it had: our
 * adapter reads int8 columns as strings, Emmett as BigInt.
 */
export async function openEmmettStore(url: string, max: number): Promise<{ store: EmmettEventStore; close(): Promise<void> }> {
  const pool = new Pool({ connectionString: url, max, application_name: 'casetrail-bench-emmett', types: emmettTypes });
  pool.on('error', () => undefined);
  const ours = currentParsers();
  try {
    const store = getPostgreSQLEventStore(url, {
      connectionOptions: { pool },
      projections: [],
      schema: { autoMigration: 'CreateOrUpdate' },
    });
    emmettParsers ??= currentParsers();
    restoreParsers(ours);
    await store.schema.migrate();
    return {
      store,
      close: async () => {
        await store.close();
        await pool.end();
      },
    };
  } catch (error) {
    await pool.end();
    throw error;
  } finally {
    restoreParsers(ours);
  }
}

function currentParsers(): Map<number, TypeParser> {
  return new Map(PARSED_BY_EMMETT.map((oid) => [oid, types.getTypeParser(oid, 'text') as TypeParser]));
}

function restoreParsers(parsers: ReadonlyMap<number, TypeParser>): void {
  for (const [oid, parser] of parsers) types.setTypeParser(oid, 'text', parser);
}

/** The installed version of @event-driven-io/emmett-postgresql (its package.json is not exported). */
export function emmettVersion(): string {
  const packageJson = join(dirname(require.resolve('@event-driven-io/emmett-postgresql')), '..', 'package.json');
  return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
}
