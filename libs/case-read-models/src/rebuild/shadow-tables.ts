import type { Pool } from 'pg';
import { READ_MODEL_SCHEMA, type Projection } from '../projection/projection';

export const REBUILD_SCHEMA = 'read_model_rebuild';

/** The schema a projection is rebuilt in. */
export function shadowSchema(projection: Projection): string {
  return `${REBUILD_SCHEMA}_${projection.name.replace(/[^a-z0-9]/g, '_')}`;
}

/**
 * Creates the projection's tables in its shadow schema with the live tables' columns, defaults and
 * checks but without their indexes, and returns the statements that add the indexes and key
 * constraints, with the live names, once the rows are in (building an index once is far cheaper
 * than maintaining it row by row). The checkpoint table is created whole.
 */
export async function prepareShadowTables(pool: Pool, projection: Projection): Promise<string[]> {
  const shadow = shadowSchema(projection);
  await pool.query(`DROP SCHEMA IF EXISTS "${shadow}" CASCADE`);
  await pool.query(`CREATE SCHEMA "${shadow}"`);
  await pool.query(`CREATE TABLE "${shadow}".projection_checkpoints (LIKE "${READ_MODEL_SCHEMA}".projection_checkpoints INCLUDING ALL)`);
  const indexes: string[] = [];
  for (const table of projection.tables) {
    const live = `"${READ_MODEL_SCHEMA}"."${table}"`;
    const target = `"${shadow}"."${table}"`;
    await pool.query(`CREATE TABLE ${target} (LIKE ${live} INCLUDING ALL EXCLUDING INDEXES)`);
    const { rows: constraints } = await pool.query<{ name: string; definition: string }>(
      `SELECT conname AS name, pg_get_constraintdef(oid) AS definition
         FROM pg_constraint WHERE conrelid = $1::regclass AND contype IN ('p', 'u', 'x') ORDER BY conname`,
      [live],
    );
    indexes.push(...constraints.map((c) => `ALTER TABLE ${target} ADD CONSTRAINT "${c.name}" ${c.definition}`));
    const { rows: plain } = await pool.query<{ definition: string }>(
      `SELECT pg_get_indexdef(i.indexrelid) AS definition
         FROM pg_index i
        WHERE i.indrelid = $1::regclass
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid AND c.contype IN ('p', 'u', 'x'))
        ORDER BY i.indexrelid`,
      [live],
    );
    for (const { definition } of plain) {
      const retargeted = definition.replace(/ ON (ONLY )?\S+ USING /, ` ON ${target} USING `);
      if (retargeted === definition) throw new Error(`Cannot re-create index for the rebuild: ${definition}`);
      indexes.push(retargeted);
    }
  }
  return indexes;
}
