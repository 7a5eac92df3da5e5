import {
  CITIZEN_CASE_STREAM_PREFIX,
  COMMITTEE_ITEM_STREAM_PREFIX,
  COMMITTEE_MEMBER_STREAM_PREFIX,
  INQUIRY_STREAM_PREFIX,
} from '@casetrail/case-management';
import type { RecordedEvent } from '@casetrail/event-store';
import type { Projection, ProjectionContext } from '../projection/projection';
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
    if (events.length === 0) return;
    const rows = events.map(auditRow);
    await context.client.query(
      `INSERT INTO ${context.table('audit_trail')}
         (position, event_id, stream_name, revision, event_type, actor, effective_at, recorded_at, correlation_id, summary)
       SELECT * FROM unnest($1::numeric[], $2::uuid[], $3::text[], $4::int[], $5::text[], $6::text[], $7::timestamptz[], $8::timestamptz[], $9::text[], $10::text[])
       ON CONFLICT DO NOTHING`,
      COLUMNS.map((column) => rows.map((row) => row[column])),
    );
  },
};

const COLUMNS = ['position', 'event_id', 'stream_name', 'revision', 'event_type', 'actor', 'effective_at', 'recorded_at', 'correlation_id', 'summary'] as const;
type AuditRow = Record<(typeof COLUMNS)[number], string | number>;

function auditRow(event: RecordedEvent): AuditRow {
  const metadata = event.metadata ?? {};
  const recordedAt = instant(metadata.recordedAt) ?? instant(metadata.effectiveAt) ?? new Date(0).toISOString();
  return {
    position: event.position.toString(),
    event_id: event.id,
    stream_name: clean(event.streamName),
    revision: event.revision,
    event_type: clean(event.type),
    actor: typeof metadata.actor === 'string' && metadata.actor !== '' ? clean(metadata.actor) : 'unknown',
    effective_at: instant(metadata.effectiveAt) ?? recordedAt,
    recorded_at: recordedAt,
    correlation_id: typeof metadata.correlationId === 'string' ? clean(metadata.correlationId) : '',
    summary: summarise(event),
  };
}

/** An instant PostgreSQL accepts, in ISO form, or undefined for anything that is not one. */
function instant(value: unknown): string | undefined {
  if (typeof value !== 'string' && !(value instanceof Date)) return undefined;
  const date = new Date(value);
  const year = date.getUTCFullYear();
  return Number.isNaN(date.getTime()) || year < 1 || year > 9999 ? undefined : date.toISOString();
}

/** PostgreSQL text cannot hold NUL. */
function clean(value: string): string {
  return String(value).replace(/\u0000/g, '');
}
