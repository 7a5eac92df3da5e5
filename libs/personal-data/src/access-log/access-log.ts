import { uuidv7 } from '@casetrail/platform';
import type { Pool } from 'pg';
import { migrateAccessLogSchema } from './access-log-schema';

/** One read of a citizen's case or personal data by a person, as it is to be recorded. */
export interface CitizenAccess {
  readonly citizenRef: string;
  /** When the read was served. */
  readonly accessedAt: Date;
  /** The token's subject. */
  readonly actor: string;
  readonly actorName?: string;
  /** Method and route pattern, e.g. `GET /citizen-cases/:caseId`. */
  readonly route: string;
  /** The path actually requested, without its query string. */
  readonly path: string;
  readonly caseId?: string;
  /** The purpose the reader stated (X-Purpose), 1–200 characters. */
  readonly purpose: string;
  readonly correlationId: string;
}

/** A recorded read, as the citizen may learn of it. */
export interface AccessLogEntry extends Omit<CitizenAccess, 'accessedAt' | 'actorName' | 'caseId'> {
  readonly id: string;
  /** ISO 8601 instant. */
  readonly accessedAt: string;
  readonly actorName: string | null;
  readonly caseId: string | null;
}

export interface AccessLogPage {
  readonly items: readonly AccessLogEntry[];
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
}

/** A purpose outside the rules: 1–200 printable characters, and never a CPR number. */
export class InvalidAccessPurposeError extends Error {
  readonly code = 'ACCESS.PURPOSE_INVALID';
  constructor(detail: string) {
    super(detail);
    this.name = 'InvalidAccessPurposeError';
  }
}

const PRINTABLE = /^[^\p{C}\u2028\u2029]+$/u;
const CPR_SHAPED = /(?<!\d)\d{6}-?\d{4}(?!\d)/;
export const MAX_PURPOSE_LENGTH = 200;

/**
 * The stated purpose, checked: 1–200 printable characters (no control or format characters),
 * not blank, and holding nothing shaped like a CPR number, since the log is kept in clear.
 * @throws InvalidAccessPurposeError
 */
export function checkAccessPurpose(purpose: string): string {
  const length = [...purpose].length;
  if (purpose.trim() === '' || length > MAX_PURPOSE_LENGTH || !PRINTABLE.test(purpose)) {
    throw new InvalidAccessPurposeError(`The purpose must be 1-${MAX_PURPOSE_LENGTH} printable characters`);
  }
  if (CPR_SHAPED.test(purpose)) throw new InvalidAccessPurposeError('The purpose must not contain a CPR number; use the case or citizen reference');
  return purpose;
}

interface EntryRow {
  id: string;
  citizen_ref: string;
  accessed_at: Date;
  actor: string;
  actor_name: string | null;
  route: string;
  path: string;
  case_id: string | null;
  purpose: string;
  correlation_id: string;
}

/**
 * The access log (PostgreSQL schema `access_log`): every read of a citizen's case by a person, with
 * who, when, which route and why, so that the citizen can learn of it. Append-only; entries carry
 * the pseudonymous citizen reference only and outlive the citizen's erasure.
 */
export class AccessLog {
  private constructor(private readonly pool: Pool) {}

  /** Brings the schema up to date and returns the log. */
  static async create(pool: Pool): Promise<AccessLog> {
    await migrateAccessLogSchema(pool);
    return new AccessLog(pool);
  }

  /**
   * Appends one entry and returns its id.
   * @throws InvalidAccessPurposeError
   */
  async record(access: CitizenAccess): Promise<string> {
    const id = uuidv7();
    await this.pool.query(
      `INSERT INTO access_log.entries (id, citizen_ref, accessed_at, actor, actor_name, route, path, case_id, purpose, correlation_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        id,
        access.citizenRef,
        access.accessedAt,
        access.actor,
        access.actorName ?? null,
        access.route,
        access.path,
        access.caseId ?? null,
        checkAccessPurpose(access.purpose),
        access.correlationId,
      ],
    );
    return id;
  }

  /** A citizen's entries, newest first (then by id, newest first); `page` is 1-based. */
  async listForCitizen(citizenRef: string, paging: { readonly page: number; readonly pageSize: number }): Promise<AccessLogPage> {
    const { page, pageSize } = paging;
    const [{ rows }, counted] = await Promise.all([
      this.pool.query<EntryRow>(
        `SELECT id, citizen_ref, accessed_at, actor, actor_name, route, path, case_id, purpose, correlation_id
           FROM access_log.entries WHERE citizen_ref = $1
          ORDER BY accessed_at DESC, id DESC LIMIT $2 OFFSET $3`,
        [citizenRef, pageSize, (page - 1) * pageSize],
      ),
      this.pool.query<{ total: string }>('SELECT count(*) AS total FROM access_log.entries WHERE citizen_ref = $1', [citizenRef]),
    ]);
    return { items: rows.map(toEntry), page, pageSize, total: Number(counted.rows[0].total) };
  }
}

function toEntry(row: EntryRow): AccessLogEntry {
  return {
    id: row.id,
    citizenRef: row.citizen_ref,
    accessedAt: row.accessed_at.toISOString(),
    actor: row.actor,
    actorName: row.actor_name,
    route: row.route,
    path: row.path,
    caseId: row.case_id,
    purpose: row.purpose,
    correlationId: row.correlation_id,
  };
}
