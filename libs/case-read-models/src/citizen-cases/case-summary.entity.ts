import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per citizen case: current status and key facts (read_model.case_summary). */
@Entity({ schema: 'read_model', name: 'case_summary' })
export class CaseSummaryEntity {
  @PrimaryColumn('uuid', { name: 'case_id' }) caseId!: string;
  @Column('text', { name: 'stream_name' }) streamName!: string;
  @Column('text', { name: 'case_number' }) caseNumber!: string;
  @Column('text', { name: 'case_number_format' }) caseNumberFormat!: string;
  @Column('text', { name: 'kle_subject', nullable: true }) kleSubject!: string | null;
  @Column('uuid', { name: 'citizen_ref' }) citizenRef!: string;
  @Column('text', { name: 'legal_area' }) legalArea!: string;
  @Column('text', { name: 'owning_unit' }) owningUnit!: string;
  @Column('text') status!: string;
  @Column('date', { name: 'opened_on' }) openedOn!: string;
  @Column('date', { name: 'closed_on', nullable: true }) closedOn!: string | null;
  @Column('text', { name: 'closure_reason', nullable: true }) closureReason!: string | null;
  @Column('int', { name: 'sanction_count' }) sanctionCount!: number;
  @Column('int', { name: 'sanctions_in_error' }) sanctionsInError!: number;
  @Column('bigint', { name: 'repayment_assessed_ore' }) repaymentAssessedOre!: string;
  @Column('int', { name: 'appeal_count' }) appealCount!: number;
  @Column('int') revision!: number;
  @Column('numeric', { name: 'last_position', precision: 40, scale: 0 }) lastPosition!: string;
  @Column('timestamptz', { name: 'last_recorded_at' }) lastRecordedAt!: Date;
  @Column('jsonb', { select: false }) state!: unknown;
}
