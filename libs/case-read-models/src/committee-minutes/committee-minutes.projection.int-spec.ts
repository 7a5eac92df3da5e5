import { randomUUID } from 'node:crypto';
import { OUTSIDE_PARTY, committeeItem, type CommitteeItemEvent } from '@casetrail/case-management';
import { PostgresEventStore, type EventToAppend } from '@casetrail/event-store';
import { uuidv7 } from '@casetrail/platform';
import { createTestDatabase, type TestDatabase } from '@casetrail/testing';
import type { DataSource } from 'typeorm';
import { createReadModelDataSource, migrateReadModels } from '../data-source';
import { listParkedEvents } from '../projection/parked-events';
import { ProjectionRunner } from '../projection/projection-runner';
import { committeeMinutesProjection } from './committee-minutes.projection';
import { FIXTURE_B_MINUTES, absent, decided, fixtureB, opened, present, recommended, voted } from './committee-minutes.fixtures';
import { transactionContext } from '../projection/upsert-rows';

const stored = (e: { type: string; data: unknown }): EventToAppend => ({
  id: uuidv7(),
  type: e.type,
  data: e.data,
  metadata: { correlationId: 'c', causationId: null, actor: 'secretariat-1', recordedAt: '2025-01-14T12:00:00.000Z', effectiveAt: '2025-01-14T12:00:00.000Z', schemaVersion: 1 },
});

describe('committee-minutes projection', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let dataSource: DataSource;
  const itemB = randomUUID();
  const itemClosed = randomUUID();
  const itemOdd = randomUUID();
  let written = 0n;
  const write = async (stream: string, events: readonly { type: string; data: unknown }[]) => {
    written = (await store.appendToStream(stream, events.map(stored))).position;
  };
  const append = (itemId: string, events: readonly { type: string; data: unknown }[]) => write(`committee-item-${itemId}`, events);

  beforeAll(async () => {
    database = await createTestDatabase();
    store = await PostgresEventStore.create(database.pool);
    dataSource = createReadModelDataSource(database.url);
    await dataSource.initialize();
    await migrateReadModels(dataSource);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await store.close();
    await database.drop();
  });

  const minutes = async () =>
    (await database.pool.query(`SELECT *, meeting_date::text AS meeting_date, last_position::text AS last_position FROM read_model.committee_minutes ORDER BY item_number, item_id`)).rows;
  const catchUp = (batchSize = 4) => new ProjectionRunner(store, database.pool, committeeMinutesProjection, { batchSize }).catchUpTo(written);

  it('writes acceptance fixture B as one row: its place on the agenda, tally, finality and the minutes text', async () => {
    await append(itemB, fixtureB(itemB));
    await write('citizen-case-elsewhere', [{ type: 'CaseOpened', data: {} }]);
    expect(await catchUp()).toMatchObject({ caughtUp: true, parked: false });

    const [row] = await minutes();
    const history = await store.readStream(`committee-item-${itemB}`);
    const last = history[history.length - 1];
    expect(row).toMatchObject({
      item_id: itemB,
      stream_name: `committee-item-${itemB}`,
      case_number: '24-1-15.20.00-P27',
      committee_id: 'bu',
      committee_name: 'Beskæftigelsesudvalget',
      meeting_date: '2025-01-14',
      item_number: 2,
      title: 'Opfølgning på skærpet rådighedssanktion',
      closed: false,
      finality: 'FINAL',
      outcome: 'ENDORSED',
      revision: last.revision,
      last_position: last.position.toString(),
    });
    expect(row.tally).toEqual({
      for: 5,
      against: 2,
      abstain: 0,
      absent: 0,
      byParty: { FOR: { A: 3, F: 1, Æ: 1 }, AGAINST: { Ø: 1, [OUTSIDE_PARTY]: 1 }, ABSTAIN: {} },
    });
    expect(row.minutes_text).toBe(FIXTURE_B_MINUTES);
    expect(row.state).toEqual(JSON.parse(JSON.stringify(fixtureB(itemB).reduce(committeeItem.evolve, committeeItem.initialState()))));
  });

  it('keeps a closed item whole and follows it across batches as its events arrive', async () => {
    await append(itemClosed, [
      opened(itemClosed, { itemNumber: 1, title: 'Personalesag', closed: true }),
      recommended(['at sagen drøftes']),
      present('m1', 'm2', 'm3'),
      absent('m4', 's4'),
      voted('m1', 'FOR', 'A', 'Anna Andersen'),
      voted('s4', 'ABSTAIN', 'V', 'Bo Berg'),
    ]);
    await catchUp(2);
    let [row] = await minutes();
    expect(row).toMatchObject({ item_id: itemClosed, closed: true, finality: 'PENDING', outcome: null, title: 'Personalesag' });
    expect(row.tally).toMatchObject({ for: 1, abstain: 1, absent: 0 });
    expect(row.minutes_text.split('\n').slice(-4)).toEqual([
      'Fraværende: m4 (afbud, stedfortræder: Bo Berg)',
      'For stemte: Anna Andersen (A)',
      'Undlod at stemme: Bo Berg (V)',
      'Beslutning: Ikke afgjort',
    ]);

    await append(itemClosed, [decided('RECOMMENDED_TO_NEXT_BODY', 'Anbefales.'), { type: 'ReferralScheduled', data: { body: 'Økonomiudvalget', date: '2025-02-03' } }]);
    await catchUp(1);
    [row] = await minutes();
    expect(row).toMatchObject({ finality: 'REFERRED', outcome: 'RECOMMENDED_TO_NEXT_BODY' });
    expect(row.minutes_text.split('\n').slice(-2)).toEqual(['Beslutning: Anbefales.', 'Sagen oversendes til Økonomiudvalget 03.02.2025']);
  });

  it('never stops on odd content: items it cannot key are left out, events it cannot fold are passed over', async () => {
    await write('committee-item-x', [{ type: 'ItemOpened', data: {} }]);
    await append(randomUUID(), [opened(itemB, { title: 'Claims another item’s id' })]);
    await append(itemOdd, [
      opened(itemOdd, { itemNumber: 3 }),
      { type: 'AttendanceRecorded', data: { entries: null } },
      { type: 'VoteCast', data: null },
      { type: 'VoteCast', data: { memberId: 'q', memberName: 'Q', party: 'A', vote: 'MAYBE' } },
      { type: 'DecisionRecorded', data: 'Tiltrådt.' },
    ] as CommitteeItemEvent[]);
    expect(await catchUp()).toMatchObject({ caughtUp: true, parked: false });
    expect(await listParkedEvents(database.pool, 'committee-minutes')).toEqual([]);

    const rows = await minutes();
    expect(rows.map((r) => r.item_id)).toEqual([itemClosed, itemB, itemOdd]);
    expect(rows[1].title).toBe('Opfølgning på skærpet rådighedssanktion');
    expect(rows[2].tally).toMatchObject({ for: 0, against: 0, abstain: 0 });
    expect(rows[2].minutes_text.split('\n')).toEqual(['3. Opfølgning på skærpet rådighedssanktion (24-1-15.20.00-P27)', 'Fraværende: Ingen', 'Beslutning: ?']);
  });

  it('gives identical rows when the same events are applied twice', async () => {
    const before = await minutes();
    await database.pool.query(`UPDATE read_model.projection_checkpoints SET position = 0 WHERE projection = 'committee-minutes'`);
    expect(await catchUp(3)).toMatchObject({ caughtUp: true, parked: false });
    expect(await minutes()).toEqual(before);

    const { events } = await store.readAll({ maxCount: 1000, filter: committeeMinutesProjection.filter });
    const client = await database.pool.connect();
    try {
      for (let round = 0; round < 2; round++) await committeeMinutesProjection.apply(events, transactionContext(client, 'read_model'));
    } finally {
      client.release();
    }
    expect(await minutes()).toEqual(before);
  });
});
