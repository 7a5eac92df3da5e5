import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Every event of every case as a timeline row (read_model.audit_trail). */
@Entity({ schema: 'read_model', name: 'audit_trail' })
export class AuditTrailEntity {
  @PrimaryColumn('numeric', { precision: 40, scale: 0 }) position!: string;
  @Column('uuid', { name: 'event_id' }) eventId!: string;
  @Column('text', { name: 'stream_name' }) streamName!: string;
  @Column('int') revision!: number;
  @Column('text', { name: 'event_type' }) eventType!: string;
  @Column('text') actor!: string;
  @Column('timestamptz', { name: 'effective_at' }) effectiveAt!: Date;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt!: Date;
  @Column('text', { name: 'correlation_id' }) correlationId!: string;
  @Column('text') summary!: string;
}
