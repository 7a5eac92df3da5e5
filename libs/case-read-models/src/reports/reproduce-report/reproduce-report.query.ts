import { Query } from '@nestjs/cqrs';

/** A report as stored with an inquiry's answer: what it was, and what it was computed from. */
export interface StoredReport {
  /** The report's kind, e.g. SANCTION_REVIEW. */
  readonly kind: string;
  readonly parameters: unknown;
  /** The global position it was computed at (decimal). */
  readonly position: string;
  /** Its inclusive recorded-time cutoff (ISO 8601). */
  readonly recordedCutoff: string;
  /** Its JSON as stored. */
  readonly report: unknown;
}

/** The recomputed report: equal, byte for byte in canonical JSON, to the stored one. */
export interface ReproducedReport {
  readonly report: unknown;
  /** Canonical JSON. */
  readonly json: string;
  /** `sha256:<hex>` of `json`. */
  readonly digest: string;
}

/**
 * Recomputes a stored report with its stored parameters, position and cutoff; refuses with
 * REPORT.NOT_REPRODUCED (409) when the bytes differ.
 */
export class ReproduceReportQuery extends Query<ReproducedReport> {
  constructor(readonly stored: StoredReport) {
    super();
  }
}
