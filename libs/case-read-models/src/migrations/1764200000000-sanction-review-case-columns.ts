import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sanction review reads each case where it stands from typed columns instead of jsonb:
 * `sanction_review_cases` loses its jsonb state and gains the positions and recorded times of the
 * stream's first and last events and of its first and latest figures, and the latest figures
 * themselves, which is also all the projection needs to go on with the stream. The figures (there
 * and in `sanction_review_summaries`) are kept as two JSON texts of flat arrays, the figures the
 * table counts and the ids only the list of citizens needs (null where the case was unopened
 * again), which the report parses itself, rather than jsonb, which the server would write out
 * again on every read. The report then reads one narrow row per case, with no jsonb navigation,
 * and counts each stream's events from its revisions instead of scanning every version.
 *
 * The tables are derived: the citizen-cases projection's tables are emptied and its checkpoint set
 * back to zero, and the projector fills them again (reports fold the log meanwhile).
 */
export class SanctionReviewCaseColumns1764200000000 implements MigrationInterface {
  name = 'SanctionReviewCaseColumns1764200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      TRUNCATE read_model.case_summary, read_model.sanction_register, read_model.appeals_register,
               read_model.sanction_review_versions, read_model.sanction_review_summaries, read_model.sanction_review_cases`);
    await runner.query(`ALTER TABLE read_model.sanction_review_summaries DROP COLUMN summary, ADD COLUMN figures text, ADD COLUMN ids text`);
    await runner.query(`
      ALTER TABLE read_model.sanction_review_cases
        DROP COLUMN state,
        ADD COLUMN last_recorded_at timestamptz NOT NULL,
        ADD COLUMN first_event_position numeric(40, 0) NOT NULL,
        ADD COLUMN first_event_recorded_at timestamptz NOT NULL,
        ADD COLUMN first_position numeric(40, 0),
        ADD COLUMN first_recorded_at timestamptz,
        ADD COLUMN latest_revision int,
        ADD COLUMN latest_position numeric(40, 0),
        ADD COLUMN latest_recorded_at timestamptz,
        ADD COLUMN latest_figures text,
        ADD COLUMN latest_ids text`);
    await runner.query(`UPDATE read_model.projection_checkpoints SET position = 0, events_applied = 0, updated_at = now() WHERE projection = 'citizen-cases'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      TRUNCATE read_model.case_summary, read_model.sanction_register, read_model.appeals_register,
               read_model.sanction_review_versions, read_model.sanction_review_summaries, read_model.sanction_review_cases`);
    await runner.query(`
      ALTER TABLE read_model.sanction_review_cases
        DROP COLUMN last_recorded_at, DROP COLUMN first_event_position, DROP COLUMN first_event_recorded_at,
        DROP COLUMN first_position, DROP COLUMN first_recorded_at, DROP COLUMN latest_revision, DROP COLUMN latest_position,
        DROP COLUMN latest_recorded_at, DROP COLUMN latest_figures, DROP COLUMN latest_ids,
        ADD COLUMN state jsonb NOT NULL`);
    await runner.query(`ALTER TABLE read_model.sanction_review_summaries DROP COLUMN figures, DROP COLUMN ids, ADD COLUMN summary jsonb NOT NULL`);
    await runner.query(`UPDATE read_model.projection_checkpoints SET position = 0, events_applied = 0, updated_at = now() WHERE projection = 'citizen-cases'`);
  }
}
