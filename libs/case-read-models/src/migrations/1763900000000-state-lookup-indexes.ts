import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Projections that keep folded state look their rows up by stream name in every batch; without an
 * index that is a scan of a table that grows with the log (BENCHMARKS.md, rebuild).
 */
export class StateLookupIndexes1763900000000 implements MigrationInterface {
  name = 'StateLookupIndexes1763900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE UNIQUE INDEX case_summary_stream ON read_model.case_summary (stream_name)`);
    await runner.query(`CREATE UNIQUE INDEX committee_minutes_stream ON read_model.committee_minutes (stream_name)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX read_model.committee_minutes_stream`);
    await runner.query(`DROP INDEX read_model.case_summary_stream`);
  }
}
