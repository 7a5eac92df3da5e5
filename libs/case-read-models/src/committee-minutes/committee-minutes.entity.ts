import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Per agenda item: everything the minutes say, and the minutes as Danish text. */
@Entity({ schema: 'read_model', name: 'committee_minutes' })
export class CommitteeMinutesEntity {
  @PrimaryColumn('uuid', { name: 'item_id' }) itemId!: string;
  @Column('text', { name: 'stream_name' }) streamName!: string;
  @Column('text', { name: 'case_number' }) caseNumber!: string;
  @Column('text', { name: 'committee_id' }) committeeId!: string;
  @Column('text', { name: 'committee_name' }) committeeName!: string;
  @Column('date', { name: 'meeting_date' }) meetingDate!: string;
  @Column('int', { name: 'item_number' }) itemNumber!: number;
  @Column('text') title!: string;
  @Column('boolean') closed!: boolean;
  @Column('text') finality!: string;
  @Column('text', { nullable: true }) outcome!: string | null;
  @Column('jsonb') tally!: unknown;
  @Column('text', { name: 'minutes_text' }) minutesText!: string;
  @Column('int') revision!: number;
  @Column('numeric', { name: 'last_position', precision: 40, scale: 0 }) lastPosition!: string;
  @Column('jsonb') state!: unknown;
}
