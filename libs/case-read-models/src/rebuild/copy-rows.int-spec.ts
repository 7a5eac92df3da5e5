import { createTestDatabase, type TestDatabase } from '@casetrail/testing';
import { CopyWriter, tableColumns } from './copy-rows';

const COLUMNS = `id int PRIMARY KEY, label text, amount bigint, position numeric(40,0), flag boolean, at timestamptz, day date,
  tags text[], ids uuid[], state jsonb, note text`;

const ROWS = [
  { id: 1, label: 'plain', amount: 123, position: '340282366920938463463374607431768211455', flag: true, at: '2023-08-29T21:59:59.999Z', day: '2023-08-29', tags: ['a', 'b'], ids: [], state: { a: 1 }, note: null },
  { id: 2, label: 'tab\there, newline\nthere, return\r, backslash \\ and \\N', amount: -5, position: '0', flag: false, at: '1970-01-01T00:00:00.000Z', day: '0001-01-01', tags: ['quote " and \\ and , and {}', '', 'NULL'], ids: ['01857163-6eac-7160-9ced-719375d7bff2'], state: { text: 'line\nbreak \\ "quoted" \t tab', list: [1, null, 'x'], nested: { deep: true } }, note: 'ø æ å — ✓' },
  { id: 3, label: '', amount: null, position: null, flag: null, at: null, day: null, tags: null, ids: null, state: 'just a string', note: undefined },
  { id: 5, label: true, amount: 7, position: '2', flag: false, at: null, day: null, tags: [true, 1.5], ids: null, state: false, note: 'boolean in a text column' },
  { id: 4, label: 'json scalars', amount: 0, position: '1', flag: true, at: '2024-02-29T12:00:00.000Z', day: '2024-02-29', tags: [null, 'x'], ids: [], state: [1, 2, { three: 3 }], note: '\\' },
];

/** COPY text from CopyWriter stores exactly what jsonb_populate_recordset stores from the same rows. */
describe('CopyWriter', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase({ poolSize: 3 });
    await database.pool.query(`CREATE TABLE copied (${COLUMNS}); CREATE TABLE populated (${COLUMNS})`);
  });
  afterAll(() => database.drop());

  it('writes every kind of value as the JSON path would, including escapes, nulls and missing properties', async () => {
    const client = await database.pool.connect();
    try {
      const writer = new CopyWriter(client, await tableColumns(client, '"public"."copied"'));
      await writer.write(ROWS.slice(0, 2));
      await writer.write(ROWS.slice(2));
      await writer.end();
      expect(writer.rows).toBe(ROWS.length);
    } finally {
      client.release();
    }
    await database.pool.query('INSERT INTO populated SELECT * FROM jsonb_populate_recordset(NULL::populated, $1::jsonb)', [JSON.stringify(ROWS)]);

    const copied = await database.pool.query('SELECT * FROM copied ORDER BY id');
    const populated = await database.pool.query('SELECT * FROM populated ORDER BY id');
    expect(copied.rows).toHaveLength(ROWS.length);
    expect(copied.rows).toEqual(populated.rows);
    expect(copied.rows[1].label).toBe(ROWS[1].label);
    expect(copied.rows[1].tags).toEqual(ROWS[1].tags);
    expect(copied.rows[1].state).toEqual(ROWS[1].state);
  });

  it('fails with the server\'s error when a value does not fit its column', async () => {
    const client = await database.pool.connect();
    try {
      const writer = new CopyWriter(client, await tableColumns(client, '"public"."copied"'));
      await writer.write([{ id: 10, day: 'not a date' }]);
      await expect(writer.end()).rejects.toThrow(/invalid input syntax for type date/);
    } finally {
      client.release(true);
    }
    const { rows } = await database.pool.query('SELECT count(*)::int AS n FROM copied WHERE id = 10');
    expect(rows[0].n).toBe(0);
  });
});
