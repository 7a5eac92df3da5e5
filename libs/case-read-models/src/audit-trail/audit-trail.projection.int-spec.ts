import { randomUUID } from 'node:crypto';
import { PostgresEventStore, type EventToAppend } from '@casetrail/event-store';
import { uuidv7 } from '@casetrail/platform';
import { createTestDatabase, type TestDatabase } from '@casetrail/testing';
import type { DataSource } from 'typeorm';
import { createReadModelDataSource, migrateReadModels } from '../data-source';
import { listParkedEvents } from '../projection/parked-events';
import { ProjectionRunner } from '../projection/projection-runner';
import { auditTrailProjection } from './audit-trail.projection';
import { transactionContext } from '../projection/upsert-rows';

const event = (type: string, data: unknown, metadata: Record<string, unknown> = {}): EventToAppend => ({
  id: uuidv7(),
  type,
  data,
  metadata: {
    correlationId: 'corr-1',
    causationId: null,
    actor: 'caseworker-1',
    recordedAt: '2023-08-01T10:00:00.000Z',
    effectiveAt: '2021-02-15T09:00:00.000Z',
    schemaVersion: 1,
    ...metadata,
  },
});

describe('audit-trail projection', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let dataSource: DataSource;
  const caseId = randomUUID();
  const citizenRef = randomUUID();
  const sanctionId = randomUUID();
  const itemId = randomUUID();
  const memberId = randomUUID();
  const inquiryId = randomUUID();
  let written = 0n;
  const write = async (stream: string, events: EventToAppend[]) => {
    written = (await store.appendToStream(stream, events)).position;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    store = await PostgresEventStore.create(database.pool);
    dataSource = createReadModelDataSource(database.url);
    await dataSource.initialize();
    await migrateReadModels(dataSource);

    await write(`citizen-case-${caseId}`, [
      event('CaseOpened', {
        caseId,
        caseNumber: { value: 'EMN-2023-05050', format: 'EMN', year: 2023, sequence: '05050', kle: null },
        citizenRef,
        legalArea: 'AKTIVLOVEN',
        owningUnit: 'Jobcenter Nord',
        openedOn: '2021-01-04',
      }),
      event('SanctionImposed', {
        sanctionId,
        sanctionType: 'AKTL_40A_STRICTER_AVAILABILITY',
        legalBasis: { law: 'aktivloven', paragraph: '40 a', subsection: '1', version: 'aktivloven § 40 a, 2014–2025' },
        breachDate: '2021-02-01',
        period: { from: '2021-03-01', to: '2021-05-31' },
        amountDeductedOre: 1_500_000,
        decidedOn: '2021-02-15',
      }),
      event(
        'SanctionReviewed',
        { sanctionId, outcome: 'ERROR', errorCategories: ['MISSING_HEARING_OF_PARTY'], wouldChangeOnAppeal: true, reviewer: 'jurist-1', reviewedOn: '2023-06-01' },
        { effectiveAt: undefined, actor: 'jurist-1', correlationId: 'corr-2' },
      ),
    ]);
    await write('other-stream-1', [event('SomethingElse', {})]);
    await write(`committee-item-${itemId}`, [
      event('VoteCast', { memberId, memberName: 'Kristine Henriksen', party: 'A', vote: 'FOR' }),
      event('VoteCast', null, { effectiveAt: 'not a time', actor: 42 }),
      event('SomeFutureEvent', { anything: true }),
    ]);
    await write(`committee-member-${memberId}`, [event('MemberRegistered', { memberId, name: 'Kristine Henriksen', aliases: [] })]);
    await write(`inquiry-${inquiryId}`, [
      event('InquiryReceived', {
        inquiryId,
        from: 'Ankestyrelsen',
        question: 'Hvilke afgørelser var forkerte?',
        scope: { legalArea: 'AKTIVLOVEN', sanctionTypes: [], period: null },
        deadline: '2023-09-01',
        receivedOn: '2023-06-01',
      }),
    ]);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await store.close();
    await database.drop();
  });

  const trail = async () =>
    (
      await database.pool.query(
        `SELECT position::text AS position, event_id, stream_name, revision, event_type, actor, effective_at, recorded_at, correlation_id, summary
           FROM read_model.audit_trail ORDER BY position`,
      )
    ).rows;

  it('writes one row per event of cases, items, members and inquiries, in global order, and moves its checkpoint', async () => {
    const runner = new ProjectionRunner(store, database.pool, auditTrailProjection, { batchSize: 3 });
    expect(await runner.catchUpTo(written)).toMatchObject({ caughtUp: true, parked: false });

    const all = (await store.readAll({ maxCount: 100 })).events.filter((e) => !e.streamName.startsWith('other-'));
    const rows = await trail();
    expect(rows.map((r) => r.position)).toEqual(all.map((e) => e.position.toString()));
    expect(rows.map((r) => r.event_id)).toEqual(all.map((e) => e.id));
    expect(rows.map((r) => r.summary)).toEqual([
      'Case EMN-2023-05050 opened: AKTIVLOVEN, owning unit Jobcenter Nord, opened 2021-01-04',
      'Sanction AKTL_40A_STRICTER_AVAILABILITY imposed: breach 2021-02-01, 15.000,00 kr. deducted',
      'Sanction reviewed: ERROR (MISSING_HEARING_OF_PARTY)',
      'Vote cast: FOR by Kristine Henriksen (A)',
      'Vote cast: ? by ? (?)',
      'SomeFutureEvent recorded',
      'Member registered: Kristine Henriksen',
      'Inquiry received from Ankestyrelsen on 2023-06-01, deadline 2023-09-01',
    ]);
    expect(rows[1]).toMatchObject({
      stream_name: `citizen-case-${caseId}`,
      revision: 1,
      event_type: 'SanctionImposed',
      actor: 'caseworker-1',
      correlation_id: 'corr-1',
      effective_at: new Date('2021-02-15T09:00:00.000Z'),
      recorded_at: new Date('2023-08-01T10:00:00.000Z'),
    });
    expect(JSON.stringify(rows)).not.toContain(citizenRef);
    expect(await runner.checkpoint()).toBe(all[all.length - 1].position);
  });

  it('takes the effective time from the recorded time when the event has none (or none that is a time)', async () => {
    const rows = await trail();
    const reviewed = rows.find((r) => r.event_type === 'SanctionReviewed');
    expect(reviewed).toMatchObject({ actor: 'jurist-1', correlation_id: 'corr-2', effective_at: new Date('2023-08-01T10:00:00.000Z') });
    const odd = rows.find((r) => r.summary === 'Vote cast: ? by ? (?)');
    expect(odd).toMatchObject({ actor: 'unknown', effective_at: new Date('2023-08-01T10:00:00.000Z') });
    expect(await listParkedEvents(database.pool, 'audit-trail')).toEqual([]);
  });

  it('changes nothing when the same events are applied again', async () => {
    const before = await trail();
    await database.pool.query(`UPDATE read_model.projection_checkpoints SET position = 0 WHERE projection = 'audit-trail'`);
    expect(await new ProjectionRunner(store, database.pool, auditTrailProjection, { batchSize: 2 }).catchUpTo(written)).toMatchObject({ parked: false });
    expect(await trail()).toEqual(before);

    const client = await database.pool.connect();
    try {
      const { events } = await store.readAll({ maxCount: 100, filter: auditTrailProjection.filter });
      await auditTrailProjection.apply(events, transactionContext(client, 'read_model'));
      // Only the row of the same event is left as it is: one event id at another position is refused.
      const elsewhere = { ...events[0], position: events[events.length - 1].position + 1_000n };
      await expect(auditTrailProjection.apply([elsewhere], transactionContext(client, 'read_model'))).rejects.toThrow(/duplicate key value violates unique constraint "audit_trail_event_id_key"/);
    } finally {
      client.release();
    }
    expect(await trail()).toEqual(before);
  });

  it('adds the rows of events written later', async () => {
    await write(`citizen-case-${caseId}`, [event('CaseClosed', { reason: 'REVIEW_COMPLETED', closedOn: '2023-09-01' })]);
    await new ProjectionRunner(store, database.pool, auditTrailProjection).catchUpTo(written);
    const rows = await trail();
    expect(rows).toHaveLength(9);
    expect(rows[8]).toMatchObject({ event_type: 'CaseClosed', revision: 3, summary: 'Case closed: REVIEW_COMPLETED on 2023-09-01' });
  });
});
