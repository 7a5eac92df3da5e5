import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** A table's columns in order, with what each needs to be written as COPY text. */
export interface TableColumns {
  readonly table: string;
  readonly names: readonly string[];
  readonly kinds: readonly ColumnKind[];
}

type ColumnKind = 'json' | 'array' | 'boolean' | 'scalar';

/** The columns of a (schema-qualified, quoted) table, from the catalogue. */
export async function tableColumns(client: Pick<PoolClient, 'query'>, table: string): Promise<TableColumns> {
  const { rows } = await client.query<{ name: string; type: string }>(
    `SELECT attname AS name, format_type(atttypid, atttypmod) AS type
       FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
      ORDER BY attnum`,
    [table],
  );
  return {
    table,
    names: rows.map((r) => r.name),
    kinds: rows.map((r) => (r.type === 'jsonb' || r.type === 'json' ? 'json' : r.type.endsWith('[]') ? 'array' : r.type === 'boolean' ? 'boolean' : 'scalar')),
  };
}

/**
 * A COPY … FROM STDIN into one table, fed with row objects. A row's missing property is NULL,
 * as with jsonb_populate_recordset; values are written as JSON would carry them there.
 */
export class CopyWriter {
  private readonly stream: NodeJS.WritableStream;
  private readonly done: Promise<void>;
  private failure: Error | undefined;
  rows = 0;

  constructor(
    client: PoolClient,
    private readonly columns: TableColumns,
  ) {
    // A deep buffer: the caller goes on folding while the server takes the rows.
    this.stream = client.query(copyFrom(`COPY ${columns.table} (${columns.names.map((n) => `"${n}"`).join(', ')}) FROM STDIN`, { highWaterMark: 8 * 2 ** 20 }));
    this.done = new Promise((resolve, reject) => {
      this.stream.on('finish', () => resolve());
      this.stream.on('error', (error: Error) => {
        this.failure = error;
        reject(error);
      });
    });
    this.done.catch(() => undefined);
  }

  /** Sends the rows, a few hundred lines per chunk; waits while the server is behind. */
  async write(rows: readonly object[]): Promise<void> {
    for (let start = 0; start < rows.length; start += LINES_PER_CHUNK) {
      if (this.failure) throw this.failure;
      let text = '';
      const end = Math.min(start + LINES_PER_CHUNK, rows.length);
      for (let i = start; i < end; i++) text += this.line(rows[i] as Record<string, unknown>);
      this.rows += end - start;
      if (!this.stream.write(text)) {
        // A failed COPY never drains: its error ends the wait as well.
        await Promise.race([new Promise<void>((resolve) => this.stream.once('drain', () => resolve())), this.done]);
      }
    }
  }

  async end(): Promise<void> {
    this.stream.end();
    await this.done;
  }

  private line(row: Record<string, unknown>): string {
    let line = '';
    for (let i = 0; i < this.columns.names.length; i++) {
      if (i > 0) line += '\t';
      line += copyValue(row[this.columns.names[i]], this.columns.kinds[i]);
    }
    return `${line}\n`;
  }
}

/** Small strings: a batch's text in one piece would be tens of megabytes for the collector to move. */
const LINES_PER_CHUNK = 500;

const NULL = '\\N';

function copyValue(value: unknown, kind: ColumnKind): string {
  if (value === null || value === undefined) return NULL;
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) ? String(value) : NULL;
    case 'bigint':
      return String(value);
    case 'boolean':
      return kind === 'boolean' ? (value ? 't' : 'f') : String(value);
    case 'string':
      return kind === 'json' ? escapeJson(JSON.stringify(value)) : escape(value);
    default:
      if (kind === 'json') return escapeJson(JSON.stringify(value));
      if (kind === 'array' && Array.isArray(value)) return escape(arrayLiteral(value));
      if (value instanceof Date) return value.toISOString();
      return escape(JSON.stringify(value));
  }
}

function arrayLiteral(values: readonly unknown[]): string {
  const elements = values.map((v) =>
    v === null || v === undefined ? 'NULL' : `"${(typeof v === 'object' ? JSON.stringify(v) : String(v)).replace(/[\\"]/g, (c) => `\\${c}`)}"`,
  );
  return `{${elements.join(',')}}`;
}

const SPECIAL = /[\\\n\r\t]/;

/** COPY text format: backslash, newline, carriage return and tab are escaped. */
function escape(text: string): string {
  if (!SPECIAL.test(text)) return text;
  return text.replace(/[\\\n\r\t]/g, (c) => (c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t'));
}

/** JSON text holds no raw newline, carriage return or tab: only its backslashes need doubling. */
function escapeJson(json: string): string {
  return json.includes('\\') ? json.replace(/\\/g, '\\\\') : json;
}
