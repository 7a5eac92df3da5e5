import type { Request } from 'autocannon';
import { BENCH_ORIGIN, type WorkloadId } from './load-spec';

/** An autocannon request that names the command it sends, so that its latency can be told apart. */
export type StepRequest = Request & { readonly step: string };

/** Hands out the numbers behind case numbers and CPR numbers; each request takes the next. */
export interface NumberSource {
  next(): number;
}

interface CaseContext {
  caseId?: string;
  sanctionId?: string;
  etag?: string;
}

const JSON_HEADERS = { 'content-type': 'application/json' };

/**
 * The requests one autocannon connection sends in a loop:
 * - `preflight`: the browser's CORS preflight of `POST /citizen-cases`, the cheapest 2xx the API
 *   gives: answered by the HTTP layer (security headers, correlation id, rate limit) before any
 *   routing, token check or database;
 * - `health`: `GET /health`, the readiness route (no token): the database, the event store and
 *   the projections' checkpoints, parked events and lag, some ten queries;
 * - `open-case`: `POST /citizen-cases`, a new case for a new citizen each time;
 * - `case-life`: open a case, impose a sanction, record how the citizen was found, review the
 *   sanction in ERROR; each follow-up on the case just opened, with the ETag of the answer before
 *   it in `If-Match`.
 */
export function workloadRequests(workload: WorkloadId, token: string, numbers: NumberSource, refused: OnRefused): StepRequest[] {
  const auth = { ...JSON_HEADERS, authorization: `Bearer ${token}` };
  switch (workload) {
    case 'preflight':
      return [
        {
          step: 'preflight',
          method: 'OPTIONS',
          path: '/citizen-cases',
          headers: { origin: BENCH_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
          onResponse: (status, body) => {
            if (status >= 300) refused('preflight', status, body);
          },
        },
      ];
    case 'health':
      return [
        {
          step: 'health',
          method: 'GET',
          path: '/health',
          onResponse: (status, body) => {
            if (status >= 300) refused('health', status, body);
          },
        },
      ];
    case 'open-case':
      return [openCase(auth, numbers, refused)];
    case 'case-life':
      return [
        openCase(auth, numbers, refused),
        followUp('impose-sanction', auth, (c) => `/citizen-cases/${c.caseId}/sanctions`, SANCTION, refused, (c, answer) => {
          c.sanctionId = answer.sanctionId as string;
        }),
        followUp('identify-citizen', auth, (c) => `/citizen-cases/${c.caseId}/discoveries`, DISCOVERY, refused),
        followUp('review-sanction', auth, (c) => (c.sanctionId ? `/citizen-cases/${c.caseId}/sanctions/${c.sanctionId}/reviews` : undefined), REVIEW, refused),
      ];
  }
}

/** Told of every answer other than 2xx, with its body (a problem document). */
export type OnRefused = (step: string, status: number, body: string) => void;

const SANCTION = JSON.stringify({
  sanctionType: 'AKTL_40A_STRICTER_AVAILABILITY',
  breachDate: '2021-03-01',
  period: { from: '2021-04-01', to: '2021-06-30' },
  amountDeductedOre: 1_234_500,
  decidedOn: '2021-03-15',
});
const DISCOVERY = JSON.stringify({ source: 'PRACTICE_SURVEY', identifiedOn: '2023-05-10', note: 'Practice survey 2023' });
const REVIEW = JSON.stringify({
  outcome: 'ERROR',
  errorCategories: ['MISSING_WRITTEN_GUIDANCE', 'NO_CONCRETE_ASSESSMENT'],
  wouldChangeOnAppeal: true,
  reviewer: 'legal-audit-1',
  reviewedOn: '2023-06-01',
});

function openCase(headers: Record<string, string>, numbers: NumberSource, refused: OnRefused): StepRequest {
  return {
    step: 'open-case',
    method: 'POST',
    path: '/citizen-cases',
    headers,
    setupRequest: (request) => {
      const n = numbers.next();
      return { ...request, body: JSON.stringify({ caseNumber: caseNumber(n), cpr: benchCpr(n), legalArea: 'AKTIVLOVEN', owningUnit: 'Jobcenter Nord' }) };
    },
    onResponse: (status, body, context, responseHeaders) => {
      if (status >= 300) refused('open-case', status, body);
      remember(status, body, context as CaseContext, responseHeaders, (c, answer) => {
        c.caseId = answer.caseId as string;
      });
    },
  };
}

/** A command on the case the connection opened; without one (its opening was refused) the loop starts over. */
function followUp(
  step: string,
  headers: Record<string, string>,
  path: (context: CaseContext) => string | undefined,
  body: string,
  refused: OnRefused,
  keep?: (context: CaseContext, answer: Record<string, unknown>) => void,
): StepRequest {
  return {
    step,
    method: 'POST',
    body,
    setupRequest: (request, context) => {
      const c = context as CaseContext;
      const to = c.caseId && c.etag ? path(c) : undefined;
      // A falsy request makes autocannon start over from the first request of the loop.
      return (to ? { ...request, path: to, headers: { ...headers, 'if-match': c.etag } } : undefined) as Request;
    },
    onResponse: (status, text, context, responseHeaders) => {
      if (status >= 300) refused(step, status, text);
      remember(status, text, context as CaseContext, responseHeaders, keep);
    },
  };
}

function remember(
  status: number,
  body: string,
  context: CaseContext,
  headers: Request['headers'],
  keep?: (context: CaseContext, answer: Record<string, unknown>) => void,
): void {
  if (status < 200 || status >= 300) {
    delete context.caseId;
    return;
  }
  context.etag = String(headers?.etag ?? headers?.ETag ?? '');
  keep?.(context, JSON.parse(body) as Record<string, unknown>);
}

/** `yy-nnnnnn-15.20.00-P27`, a journal number of the KLE form, different for every n below 80,000,000. */
export function caseNumber(n: number): string {
  return `${20 + (Math.floor(n / 1_000_000) % 80)}-${n % 1_000_000}-15.20.00-P27`;
}

const WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
const FIRST_BIRTH = Date.UTC(1940, 0, 1);
const DAYS = 21_900;

/**
 * A synthetic CPR number for n: a birth date from 1940 to 1999 and a sequence starting 0–3 (born in
 * the 1900s) that fails the modulus-11 check, which every number issued before 2007 passed, so
 * it is unlikely to be anyone's. Unique for most n below 87,600,000 (a few share one after the check is dodged).
 */
export function benchCpr(n: number): string {
  const birth = new Date(FIRST_BIRTH + (n % DAYS) * 86_400_000);
  const date = [birth.getUTCDate(), birth.getUTCMonth() + 1, birth.getUTCFullYear() % 100].map((v) => String(v).padStart(2, '0')).join('');
  let sequence = Math.floor(n / DAYS) % 4000;
  while (passesModulus11(date + String(sequence).padStart(4, '0'))) sequence = (sequence + 1) % 4000;
  return `${date}${String(sequence).padStart(4, '0')}`;
}

function passesModulus11(digits: string): boolean {
  return [...digits].reduce((sum, digit, i) => sum + Number(digit) * WEIGHTS[i], 0) % 11 === 0;
}
