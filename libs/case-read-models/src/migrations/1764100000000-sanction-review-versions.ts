import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sanction review's versions of each citizen case, written by the citizen-cases projection
 * (reports/sanction-review/sanction-review-versions.ts): one narrow row per event, the case's
 * figures after each event that changed them, and each case's latest figures. The report reads the
 * last version of each case at its position and cutoff instead of folding the whole log.
 *
 * The tables must hold every event the projection has applied, so a database whose citizen-cases
 * projection has already run is projected again from the start: its tables are emptied and its
 * checkpoint set back to zero, and the projector refills them (reports fold the log meanwhile).
 */
export class SanctionReviewVersions1764100000000 implements MigrationInterface {
  name = 'SanctionReviewVersions1764100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE read_model.sanction_review_versions (
        stream_name text NOT NULL,
        revision int NOT NULL,
        position numeric(40, 0) NOT NULL,
        recorded_at timestamptz NOT NULL,
        fold_from_log boolean NOT NULL,
        PRIMARY KEY (stream_name, revision)
      )`);
    await runner.query(`CREATE INDEX sanction_review_versions_fold_from_log ON read_model.sanction_review_versions (position) WHERE fold_from_log`);
    await runner.query(`
      CREATE TABLE read_model.sanction_review_summaries (
        stream_name text NOT NULL,
        revision int NOT NULL,
        position numeric(40, 0) NOT NULL,
        recorded_at timestamptz NOT NULL,
        summary jsonb NOT NULL,
        PRIMARY KEY (stream_name, revision)
      )`);
    await runner.query(`
      CREATE TABLE read_model.sanction_review_cases (
        stream_name text PRIMARY KEY,
        revision int NOT NULL,
        last_position numeric(40, 0) NOT NULL,
        state jsonb NOT NULL
      )`);
    await runner.query(`TRUNCATE read_model.case_summary, read_model.sanction_register, read_model.appeals_register`);
    await runner.query(`UPDATE read_model.projection_checkpoints SET position = 0, events_applied = 0, updated_at = now() WHERE projection = 'citizen-cases'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE read_model.sanction_review_cases, read_model.sanction_review_summaries, read_model.sanction_review_versions`);
  }
}
