/**
 * Which moment an auditor asks about. `atRevision`: the stream as it stood after that revision.
 * `recordedAt`: what was known then (only events recorded by then). `effectiveAt`: the world as it
 * stood then, as known today (every event recorded so far, corrections applied).
 */
export type AsOfView =
  | { readonly kind: 'atRevision'; readonly revision: number }
  | { readonly kind: 'recordedAt'; readonly at: string }
  | { readonly kind: 'effectiveAt'; readonly at: string };

/** Which time a diff compares on: recorded (what we knew) or effective (how the world stood). */
export type DiffTime = 'recorded' | 'effective';

/** A request parameter at fault; the API answers 400 listing them. */
export interface AuditParamProblem {
  readonly field: string;
  readonly code: string;
  readonly detail: string;
}

export type Parsed<Value> = { readonly ok: true; readonly value: Value } | { readonly ok: false; readonly problems: readonly AuditParamProblem[] };

const VIEW_FIELDS = ['atRevision', 'recordedAt', 'effectiveAt'] as const;
const REVISION = /^\d{1,15}$/;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/**
 * An instant with date, time and zone (`2023-06-28T23:59:59+02:00`), as canonical UTC ISO text;
 * null when it is not one. A bare date is refused: "on 28 June" could mean its start or its end.
 */
export function parseInstant(text: string): string | null {
  const match = INSTANT.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCFullYear() !== year || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** Exactly one of atRevision, recordedAt and effectiveAt, well formed. */
export function parseAsOfView(params: { readonly atRevision?: string; readonly recordedAt?: string; readonly effectiveAt?: string }): Parsed<AsOfView> {
  const given = VIEW_FIELDS.filter((field) => params[field] !== undefined);
  if (given.length !== 1) {
    const detail = given.length === 0 ? 'Give one of atRevision, recordedAt or effectiveAt' : `Give only one of ${given.join(', ')}`;
    return refuse(given.length === 0 ? 'view' : given.join(','), given.length === 0 ? 'AUDIT.VIEW_MISSING' : 'AUDIT.VIEW_AMBIGUOUS', detail);
  }
  const field = given[0];
  const text = params[field] as string;
  if (field === 'atRevision') {
    return REVISION.test(text) ? { ok: true, value: { kind: 'atRevision', revision: Number(text) } } : refuse(field, 'AUDIT.INVALID_REVISION', 'atRevision must be a revision: 0, 1, 2, …');
  }
  const at = parseInstant(text);
  return at === null ? refuse(field, 'AUDIT.INVALID_INSTANT', instantDetail(field)) : { ok: true, value: { kind: field, at } };
}

/** A diff's two moments (from not after to) and the time they are on (recorded by default). */
export function parseDiffRequest(params: { readonly from?: string; readonly to?: string; readonly view?: string }): Parsed<{ readonly time: DiffTime; readonly from: string; readonly to: string }> {
  const problems: AuditParamProblem[] = [];
  const time = params.view ?? 'recorded';
  if (time !== 'recorded' && time !== 'effective') problems.push(problem('view', 'AUDIT.INVALID_DIFF_VIEW', 'view must be recorded or effective'));
  const [from, to] = (['from', 'to'] as const).map((field) => {
    const text = params[field];
    const at = text === undefined ? null : parseInstant(text);
    if (text === undefined) problems.push(problem(field, 'AUDIT.INSTANT_MISSING', `${field} is required: ${instantExample}`));
    else if (at === null) problems.push(problem(field, 'AUDIT.INVALID_INSTANT', instantDetail(field)));
    return at;
  });
  if (from !== null && to !== null && from > to) problems.push(problem('to', 'AUDIT.RANGE_REVERSED', 'to must not be before from'));
  if (problems.length > 0 || from === null || to === null) return { ok: false, problems };
  return { ok: true, value: { time: time as DiffTime, from, to } };
}

const instantExample = 'a date, time and zone, e.g. 2023-06-28T23:59:59+02:00';
const instantDetail = (field: string) => `${field} must be ${instantExample}`;
const problem = (field: string, code: string, detail: string): AuditParamProblem => ({ field, code, detail });
const refuse = (field: string, code: string, detail: string): Parsed<never> => ({ ok: false, problems: [problem(field, code, detail)] });
