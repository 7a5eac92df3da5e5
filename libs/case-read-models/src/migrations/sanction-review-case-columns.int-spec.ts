import { createTestDatabase, type TestDatabase } from '@casetrail/testing';
import type { DataSource } from 'typeorm';
import { createReadModelDataSource, migrateReadModels } from '../data-source';

/**
 * The sanction review case columns migration goes down to the jsonb state and the jsonb summary,
 * and up again, on a database whose citizen-cases projection had run: its tables are emptied and
 * its checkpoint set back to zero each way, so that the projector fills them again.
 */
describe('the sanction review case columns migration', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = createReadModelDataSource(database.url);
    await dataSource.initialize();
    await migrateReadModels(dataSource);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const columns = async (table: string): Promise<string[]> =>
    (
      await database.pool.query<{ name: string }>(
        `SELECT column_name AS name FROM information_schema.columns WHERE table_schema = 'read_model' AND table_name = $1 ORDER BY column_name`,
        [table],
      )
    ).rows.map((r) => r.name);

  const projectionRan = async () => {
    await database.pool.query(
      `INSERT INTO read_model.sanction_review_versions (stream_name, revision, position, recorded_at, fold_from_log) VALUES ('citizen-case-x', 0, 7, now(), false)`,
    );
    await database.pool.query(
      `INSERT INTO read_model.projection_checkpoints (projection, position, events_applied, updated_at) VALUES ('citizen-cases', 7, 1, now())
       ON CONFLICT (projection) DO UPDATE SET position = 7, events_applied = 1`,
    );
  };
  const projectionState = async () =>
    (
      await database.pool.query<{ versions: number; position: string }>(
        `SELECT (SELECT count(*) FROM read_model.sanction_review_versions)::int AS versions,
                (SELECT position::text FROM read_model.projection_checkpoints WHERE projection = 'citizen-cases') AS position`,
      )
    ).rows[0];

  it('goes down and up again, each way leaving the projection to run from the start', async () => {
    const up = { cases: await columns('sanction_review_cases'), summaries: await columns('sanction_review_summaries') };
    expect(up.cases).toEqual(expect.arrayContaining(['latest_figures', 'latest_ids', 'latest_revision', 'first_event_position', 'last_recorded_at']));
    expect(up.cases).not.toContain('state');
    expect(up.summaries).toEqual(expect.arrayContaining(['figures', 'ids']));

    await projectionRan();
    await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await columns('sanction_review_cases')).toEqual(['last_position', 'revision', 'state', 'stream_name']);
    expect(await columns('sanction_review_summaries')).toContain('summary');
    expect(await projectionState()).toEqual({ versions: 0, position: '0' });

    await projectionRan();
    await migrateReadModels(dataSource);
    expect({ cases: await columns('sanction_review_cases'), summaries: await columns('sanction_review_summaries') }).toEqual(up);
    expect(await projectionState()).toEqual({ versions: 0, position: '0' });
  });
});
