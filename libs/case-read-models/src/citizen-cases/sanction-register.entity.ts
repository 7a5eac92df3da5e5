import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per sanction with its review, discovery sources, repayments and appeal outcome. */
@Entity({ schema: 'read_model', name: 'sanction_register' })
export class SanctionRegisterEntity {
  @PrimaryColumn('uuid', { name: 'sanction_id' }) sanctionId!: string;
  @Column('uuid', { name: 'case_id' }) caseId!: string;
  @Column('text', { name: 'case_number' }) caseNumber!: string;
  @Column('uuid', { name: 'citizen_ref' }) citizenRef!: string;
  @Column('text', { name: 'legal_area' }) legalArea!: string;
  @Column('text', { name: 'sanction_type' }) sanctionType!: string;
  @Column('boolean') stricter!: boolean;
  @Column('text') law!: string;
  @Column('text', { nullable: true }) paragraph!: string | null;
  @Column('text', { nullable: true }) subsection!: string | null;
  @Column('text', { name: 'legal_basis_version' }) legalBasisVersion!: string;
  @Column('date', { name: 'breach_date' }) breachDate!: string;
  @Column('date', { name: 'period_from' }) periodFrom!: string;
  @Column('date', { name: 'period_to' }) periodTo!: string;
  @Column('bigint', { name: 'amount_deducted_ore' }) amountDeductedOre!: string;
  @Column('date', { name: 'decided_on' }) decidedOn!: string;
  @Column('text', { name: 'review_outcome', nullable: true }) reviewOutcome!: string | null;
  @Column('text', { name: 'error_categories', array: true }) errorCategories!: string[];
  @Column('boolean', { name: 'would_change_on_appeal', nullable: true }) wouldChangeOnAppeal!: boolean | null;
  @Column('date', { name: 'reviewed_on', nullable: true }) reviewedOn!: string | null;
  @Column('text', { name: 'discovery_sources', array: true }) discoverySources!: string[];
  @Column('bigint', { name: 'repayment_assessed_ore' }) repaymentAssessedOre!: string;
  @Column('bigint', { name: 'repayment_scheduled_ore' }) repaymentScheduledOre!: string;
  @Column('bigint', { name: 'repayment_paid_ore' }) repaymentPaidOre!: string;
  @Column('text', { name: 'appeal_outcome', nullable: true }) appealOutcome!: string | null;
  @Column('boolean') corrected!: boolean;
}
