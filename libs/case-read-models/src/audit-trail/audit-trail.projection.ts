import {
  CITIZEN_CASE_STREAM_PREFIX,
  COMMITTEE_ITEM_STREAM_PREFIX,
  COMMITTEE_MEMBER_STREAM_PREFIX,
  INQUIRY_STREAM_PREFIX,
} from '@casetrail/case-management';
import type { RecordedEvent } from '@casetrail/event-store';
import type { Projection, ProjectionContext } from '../projection/projection';
import { isCanonicalInstant } from '../projection/instants';
import { summarise } from './event-summary';

/**
 * Every event of cases, committee items, members and inquiries as one timeline row, keyed by its
 * global position. Rows are only ever added: a batch applied again inserts nothing.
 */
export const auditTrailProjection: Projection = {
  name: 'audit-trail',
  tables: ['audit_trail'],
  filter: { streamPrefixes: [CITIZEN_CASE_STREAM_PREFIX, COMMITTEE_ITEM_STREAM_PREFIX, COMMITTEE_MEMBER_STREAM_PREFIX, INQUIRY_STREAM_PREFIX] },
  async apply(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
    await context.upsertRows('audit_trail', ['position'], events.map(auditRow), 'nothing');
  },
};

type AuditRow = Record<'position' | 'event_id' | 'stream_name' | 'event_type' | 'actor' | 'effective_at' | 'recorded_at' | 'correlation_id' | 'summary', string> & { revision: number };

function auditRow(event: RecordedEvent): AuditRow {
  const metadata = event.metadata ?? {};
  const recordedAt = instant(metadata.recordedAt) ?? instant(metadata.effectiveAt) ?? new Date(0).toISOString();
  const effectiveAt = metadata.effectiveAt === metadata.recordedAt ? recordedAt : (instant(metadata.effectiveAt) ?? recordedAt);
  return {
    position: event.position.toString(),
    event_id: event.id,
    stream_name: clean(event.streamName),
    revision: event.revision,
    event_type: clean(event.type),
    actor: typeof metadata.actor === 'string' && metadata.actor !== '' ? clean(metadata.actor) : 'unknown',
    effective_at: effectiveAt,
    recorded_at: recordedAt,
    correlation_id: typeof metadata.correlationId === 'string' ? clean(metadata.correlationId) : '',
    summary: summarise(event),
  };
}

/** An instant PostgreSQL accepts, in ISO form, or undefined for anything that is not one. */
function instant(value: unknown): string | undefined {
  if (typeof value === 'string' && isCanonicalInstant(value)) return value;
  if (typeof value !== 'string' && !(value instanceof Date)) return undefined;
  const date = new Date(value);
  const year = date.getUTCFullYear();
  return Number.isNaN(date.getTime()) || year < 1 || year > 9999 ? undefined : date.toISOString();
}

/** PostgreSQL text cannot hold NUL. */
function clean(value: string): string {
  return String(value).replace(/\u0000/g, '');
}
