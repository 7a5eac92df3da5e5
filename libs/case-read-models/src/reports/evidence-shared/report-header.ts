import type { EntityManager } from 'typeorm';
import { READ_MODEL_SCHEMA } from '../../projection/projection';

/**
 * What every evidence report states about itself, so that a figure can be reproduced later: the
 * parameters it was asked with, what the figures cover (cutoff), the global-log position its
 * internal figures were read at, and the rounding rule.
 */
export interface EvidenceReportHeader {
  readonly report: string;
  readonly title: string;
  readonly parameters: Readonly<Record<string, string | number | null>>;
  readonly cutoff: string;
  /** The read models' position (global log, decimal string) when the internal figures were read. */
  readonly position: string;
  readonly rounding: string;
}

/**
 * The position the citizen-case read models have applied the log through, read in the caller's
 * transaction, so that it names exactly the rows read beside it.
 */
export async function citizenCasesPosition(manager: EntityManager): Promise<string> {
  const rows: { position: string }[] = await manager.query(
    `SELECT position::text AS position FROM "${READ_MODEL_SCHEMA}".projection_checkpoints WHERE projection = $1`,
    ['citizen-cases'],
  );
  return rows[0]?.position ?? '0';
}
