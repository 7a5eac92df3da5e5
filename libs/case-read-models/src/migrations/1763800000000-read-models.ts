import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The read models and the projections' bookkeeping, in schema `read_model`. */
export class ReadModels1763800000000 implements MigrationInterface {
  name = 'ReadModels1763800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE SCHEMA IF NOT EXISTS read_model`);
    await runner.query(`
      CREATE TABLE read_model.projection_checkpoints (
        projection text PRIMARY KEY,
        position numeric(40, 0) NOT NULL DEFAULT 0,
        events_applied bigint NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE read_model.parked_events (
        projection text NOT NULL,
        position numeric(40, 0) NOT NULL,
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        stream_name text NOT NULL,
        error text NOT NULL,
        parked_at timestamptz NOT NULL DEFAULT now(),
        released_at timestamptz,
        PRIMARY KEY (projection, position)
      )`);
    await runner.query(`
      CREATE TABLE read_model.case_summary (
        case_id uuid PRIMARY KEY,
        stream_name text NOT NULL,
        case_number text NOT NULL,
        case_number_format text NOT NULL,
        kle_subject text,
        citizen_ref uuid NOT NULL,
        legal_area text NOT NULL,
        owning_unit text NOT NULL,
        status text NOT NULL,
        opened_on date NOT NULL,
        closed_on date,
        closure_reason text,
        sanction_count int NOT NULL,
        sanctions_in_error int NOT NULL,
        repayment_assessed_ore bigint NOT NULL,
        appeal_count int NOT NULL,
        revision int NOT NULL,
        last_position numeric(40, 0) NOT NULL,
        last_recorded_at timestamptz NOT NULL,
        state jsonb NOT NULL
      )`);
    await runner.query(`CREATE INDEX case_summary_case_number ON read_model.case_summary (case_number)`);
    await runner.query(`CREATE INDEX case_summary_status_unit ON read_model.case_summary (status, owning_unit)`);
    await runner.query(`CREATE INDEX case_summary_area_opened ON read_model.case_summary (legal_area, opened_on)`);
    await runner.query(`
      CREATE TABLE read_model.sanction_register (
        sanction_id uuid PRIMARY KEY,
        case_id uuid NOT NULL,
        case_number text NOT NULL,
        citizen_ref uuid NOT NULL,
        legal_area text NOT NULL,
        sanction_type text NOT NULL,
        stricter boolean NOT NULL,
        law text NOT NULL,
        paragraph text,
        subsection text,
        legal_basis_version text NOT NULL,
        breach_date date NOT NULL,
        period_from date NOT NULL,
        period_to date NOT NULL,
        amount_deducted_ore bigint NOT NULL,
        decided_on date NOT NULL,
        review_outcome text,
        error_categories text[] NOT NULL,
        would_change_on_appeal boolean,
        reviewed_on date,
        discovery_sources text[] NOT NULL,
        repayment_assessed_ore bigint NOT NULL,
        repayment_scheduled_ore bigint NOT NULL,
        repayment_paid_ore bigint NOT NULL,
        appeal_outcome text,
        corrected boolean NOT NULL
      )`);
    await runner.query(`CREATE INDEX sanction_register_case ON read_model.sanction_register (case_id)`);
    await runner.query(`CREATE INDEX sanction_register_type_breach ON read_model.sanction_register (sanction_type, breach_date)`);
    await runner.query(`
      CREATE TABLE read_model.appeals_register (
        appeal_id uuid PRIMARY KEY,
        case_id uuid NOT NULL,
        case_number text NOT NULL,
        legal_area text NOT NULL,
        sanction_ids uuid[] NOT NULL,
        lodged_on date NOT NULL,
        decided_on date,
        outcome text
      )`);
    await runner.query(`CREATE INDEX appeals_register_case ON read_model.appeals_register (case_id)`);
    await runner.query(`CREATE INDEX appeals_register_decided ON read_model.appeals_register (legal_area, decided_on)`);
    await runner.query(`
      CREATE TABLE read_model.audit_trail (
        position numeric(40, 0) PRIMARY KEY,
        event_id uuid NOT NULL UNIQUE,
        stream_name text NOT NULL,
        revision int NOT NULL,
        event_type text NOT NULL,
        actor text NOT NULL,
        effective_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL,
        correlation_id text NOT NULL,
        summary text NOT NULL
      )`);
    await runner.query(`CREATE INDEX audit_trail_stream ON read_model.audit_trail (stream_name, revision)`);
    await runner.query(`
      CREATE TABLE read_model.committee_minutes (
        item_id uuid PRIMARY KEY,
        stream_name text NOT NULL,
        case_number text NOT NULL,
        committee_id text NOT NULL,
        committee_name text NOT NULL,
        meeting_date date NOT NULL,
        item_number int NOT NULL,
        title text NOT NULL,
        closed boolean NOT NULL,
        finality text NOT NULL,
        outcome text,
        tally jsonb NOT NULL,
        minutes_text text NOT NULL,
        revision int NOT NULL,
        last_position numeric(40, 0) NOT NULL,
        state jsonb NOT NULL
      )`);
    await runner.query(`CREATE INDEX committee_minutes_meeting ON read_model.committee_minutes (committee_id, meeting_date, item_number)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP SCHEMA read_model CASCADE`);
  }
}
