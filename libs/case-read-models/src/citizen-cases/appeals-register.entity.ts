import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per appeal with legal area, dates and Ankestyrelsen's outcome. */
@Entity({ schema: 'read_model', name: 'appeals_register' })
export class AppealsRegisterEntity {
  @PrimaryColumn('uuid', { name: 'appeal_id' }) appealId!: string;
  @Column('uuid', { name: 'case_id' }) caseId!: string;
  @Column('text', { name: 'case_number' }) caseNumber!: string;
  @Column('text', { name: 'legal_area' }) legalArea!: string;
  @Column('uuid', { name: 'sanction_ids', array: true }) sanctionIds!: string[];
  @Column('date', { name: 'lodged_on' }) lodgedOn!: string;
  @Column('date', { name: 'decided_on', nullable: true }) decidedOn!: string | null;
  @Column('text', { nullable: true }) outcome!: string | null;
}
