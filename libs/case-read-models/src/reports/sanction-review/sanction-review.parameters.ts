import { DomainError, SANCTION_TYPES, findSanctionType } from '@casetrail/case-management';
import { recordedCutoff } from '../report-basis/known-on';

/** What a caller may ask for; everything is optional. */
export interface SanctionReviewRequest {
  /** Codes of the sanction-type catalogue; default: every type marked `stricter`. */
  readonly sanctionTypes?: readonly string[];
  /** Inclusive breach-date window (effective time), yyyy-mm-dd; an absent end is open. */
  readonly breachFrom?: string;
  readonly breachTo?: string;
  /** yyyy-mm-dd (to the end of that day in Denmark) or an instant with its zone; default: now. */
  readonly knownOn?: string;
  /** A global position (decimal); default: the current end of the stable log. */
  readonly position?: string;
  /** The pseudonymous citizens behind each row (cleared roles only). */
  readonly includeCitizens?: boolean;
}

/** The parameters as the report states them: every default made explicit. */
export interface SanctionReviewParameters {
  /** In catalogue order, each once. */
  readonly sanctionTypes: readonly string[];
  readonly breachFrom: string | null;
  readonly breachTo: string | null;
  readonly knownOn: string;
  readonly includeCitizens: boolean;
}

/** The parameters, the recorded-time cutoff they imply and the position asked for, if any. */
export interface ResolvedSanctionReview {
  readonly parameters: SanctionReviewParameters;
  readonly recordedCutoff: string;
  readonly position?: bigint;
}

const POSITION = /^\d{1,40}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Every default made explicit, every code checked against the catalogue; `now` is the request's time. */
export function resolveSanctionReviewParameters(request: SanctionReviewRequest, now: Date): ResolvedSanctionReview {
  const sanctionTypes = resolveSanctionTypes(request.sanctionTypes ?? []);
  const breachFrom = request.breachFrom === undefined ? null : requireDate(request.breachFrom, 'breachFrom');
  const breachTo = request.breachTo === undefined ? null : requireDate(request.breachTo, 'breachTo');
  if (breachFrom !== null && breachTo !== null && breachTo < breachFrom) {
    throw new DomainError('REPORT.PERIOD_INVERTED', 'breachTo is before breachFrom', { field: 'breachTo' });
  }
  const cutoff = recordedCutoff(request.knownOn, now);
  let position: bigint | undefined;
  if (request.position !== undefined) {
    if (!POSITION.test(request.position)) {
      throw new DomainError('REPORT.INVALID_POSITION', 'position must be a global position as a write returned it (decimal digits)', { field: 'position' });
    }
    position = BigInt(request.position);
  }
  return {
    parameters: { sanctionTypes, breachFrom, breachTo, knownOn: cutoff.knownOn, includeCitizens: request.includeCitizens ?? false },
    recordedCutoff: cutoff.recordedCutoff,
    ...(position === undefined ? {} : { position }),
  };
}

/**
 * Parameters as an earlier report stated them (an inquiry's answer), checked for shape; the
 * sanction types stay exactly as stored, so that a type added to the catalogue later changes nothing.
 */
export function storedSanctionReviewParameters(stored: unknown): SanctionReviewParameters {
  const p = (stored ?? {}) as Record<string, unknown>;
  const dateOrNull = (value: unknown) => value === null || (typeof value === 'string' && DATE.test(value));
  const valid =
    Array.isArray(p.sanctionTypes) &&
    p.sanctionTypes.every((code) => typeof code === 'string' && findSanctionType(code)) &&
    dateOrNull(p.breachFrom) &&
    dateOrNull(p.breachTo) &&
    typeof p.knownOn === 'string' &&
    typeof p.includeCitizens === 'boolean';
  if (!valid) throw new DomainError('REPORT.STORED_PARAMETERS_INVALID', 'The stored parameters are not those of a sanction review report');
  return {
    sanctionTypes: p.sanctionTypes as string[],
    breachFrom: p.breachFrom as string | null,
    breachTo: p.breachTo as string | null,
    knownOn: p.knownOn as string,
    includeCitizens: p.includeCitizens as boolean,
  };
}

function resolveSanctionTypes(codes: readonly string[]): string[] {
  const unknown = codes.find((code) => !findSanctionType(code));
  if (unknown !== undefined) {
    throw new DomainError('REPORT.UNKNOWN_SANCTION_TYPE', `${unknown} is not in the sanction-type catalogue`, { field: 'sanctionTypes' });
  }
  const chosen = codes.length === 0 ? SANCTION_TYPES.filter((type) => type.stricter) : SANCTION_TYPES.filter((type) => codes.includes(type.code));
  return chosen.map((type) => type.code);
}

function requireDate(value: string, field: string): string {
  const [year, month, day] = value.split('-').map(Number);
  const valid = DATE.test(value) && new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10) === value;
  if (!valid) throw new DomainError('DATE.INVALID', `${field} must be a calendar date yyyy-mm-dd`, { field });
  return value;
}
