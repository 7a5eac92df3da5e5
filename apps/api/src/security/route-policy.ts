import { ROLES, type Role } from '@casetrail/platform';

/** Who may call a route: `'public'` (no token), or a user holding at least one of these roles. */
export type RouteAccess = 'public' | readonly [Role, ...Role[]];

/** `METHOD /path/:param`, the path as the router registered it (`request.routeOptions.url`). */
export type RouteKey = `${'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS'} ${string}`;

const EVERY_ROLE: RouteAccess = ROLES;
const CASE_WRITERS = ['caseworker', 'admin'] as const;
const CASE_READERS = ['caseworker', 'auditor', 'appeals-liaison', 'admin'] as const;
const COMMITTEE_WRITERS = ['committee-secretary', 'admin'] as const;
const AUDITORS = ['auditor', 'admin'] as const;

/**
 * Every route the API registers and who may call it: the one place access is decided. The guard
 * (route-policy.guard.ts) refuses a route without a row, and test/security-route-policy.e2e-spec.ts
 * walks every registered route with every role against this table. HEAD follows its GET row.
 */
export const ROUTE_POLICY: Readonly<Record<RouteKey, RouteAccess>> = {
  'GET /health': 'public',
  // Prometheus scrape: counts by route pattern and command name, no ids or personal data.
  'GET /metrics': 'public',

  // OpenAPI document and its UI (registered by SwaggerModule and @fastify/static, outside Nest's guards).
  'GET /docs': 'public',
  'GET /docs/': 'public',
  'GET /docs/*': 'public',
  'GET /docs/index.html': 'public',
  'GET /docs/LICENSE': 'public',
  'GET /docs/swagger-ui-init.js': 'public',
  'GET /docs/docs/swagger-ui-init.js': 'public',
  'GET /docs-json': 'public',
  'GET /docs-yaml': 'public',
  // CORS preflight (@fastify/cors); a 404 while CORS_ORIGINS is empty.
  'OPTIONS *': 'public',

  'POST /citizen-cases': CASE_WRITERS,
  'GET /citizen-cases/:caseId': CASE_READERS,
  'POST /citizen-cases/:caseId/sanctions': CASE_WRITERS,
  'POST /citizen-cases/:caseId/discoveries': CASE_WRITERS,
  'POST /citizen-cases/:caseId/sanctions/:sanctionId/reviews': CASE_WRITERS,
  'POST /citizen-cases/:caseId/appeals': CASE_WRITERS,
  'POST /citizen-cases/:caseId/appeals/:appealId/decision': CASE_WRITERS,
  'POST /citizen-cases/:caseId/closure': CASE_WRITERS,
  'POST /citizen-cases/:caseId/reopening': CASE_WRITERS,
  'POST /citizen-cases/:caseId/corrections': CASE_WRITERS,
  'POST /citizen-cases/:caseId/repayments': CASE_WRITERS,
  'POST /citizen-cases/:caseId/repayments/:repaymentId/schedule': CASE_WRITERS,
  'POST /citizen-cases/:caseId/repayments/:repaymentId/issue': CASE_WRITERS,

  'POST /committee-members': COMMITTEE_WRITERS,
  'GET /committee-members/:memberId': EVERY_ROLE,
  'POST /committee-members/:memberId/aliases': COMMITTEE_WRITERS,
  'POST /committee-members/:memberId/party-memberships': COMMITTEE_WRITERS,

  'POST /committee-items': COMMITTEE_WRITERS,
  // Every role sees that a closed item exists; its content only cleared roles (committee-item.visibility.ts).
  'GET /committee-items/:itemId': EVERY_ROLE,
  'POST /committee-items/:itemId/recommendation': COMMITTEE_WRITERS,
  'POST /committee-items/:itemId/attendance': COMMITTEE_WRITERS,
  'POST /committee-items/:itemId/votes': COMMITTEE_WRITERS,
  'POST /committee-items/:itemId/protocol-notes': COMMITTEE_WRITERS,
  'POST /committee-items/:itemId/decision': COMMITTEE_WRITERS,
  'POST /committee-items/:itemId/referral-demands': COMMITTEE_WRITERS,
  'POST /committee-items/:itemId/referrals': COMMITTEE_WRITERS,
  'POST /committee-items/:itemId/links': COMMITTEE_WRITERS,

  'POST /inquiries': ['appeals-liaison', 'admin'],
  'GET /inquiries/:inquiryId': ['appeals-liaison', 'auditor', 'admin'],
  // Answers: a drafted report, one answer, and its report recomputed byte for byte (docs/reports/sanction-review.md).
  'POST /inquiries/:inquiryId/answer-drafts': ['appeals-liaison', 'admin'],
  'POST /inquiries/:inquiryId/answer': ['appeals-liaison', 'admin'],
  'GET /inquiries/:inquiryId/answer/report': ['appeals-liaison', 'auditor', 'admin'],

  'GET /read-models/cases': CASE_READERS,
  'GET /read-models/cases/:caseId/timeline': CASE_READERS,
  'GET /read-models/sanctions': CASE_READERS,
  'GET /read-models/appeals': ['appeals-liaison', 'auditor', 'admin'],
  'GET /read-models/committee-items': EVERY_ROLE,
  'GET /read-models/committee-meetings/:committeeId/:meetingDate/minutes': EVERY_ROLE,

  'GET /projections': AUDITORS,
  'GET /projections/parked': AUDITORS,
  'POST /projections/:name/retry': ['admin'],

  'GET /integrity/streams/:stream': AUDITORS,
  'GET /integrity/checkpoints/latest': AUDITORS,

  'GET /cases/:stream/state': AUDITORS,
  'GET /cases/:stream/history': AUDITORS,
  'GET /cases/:stream/diff': AUDITORS,
  'GET /cases/:stream/export': AUDITORS,

  // The citizen's insight into who read their cases, and erasure by destroying their data key.
  'GET /citizens/:citizenRef/access-log': ['appeals-liaison', 'admin'],
  'POST /citizens/:citizenRef/erase': ['admin'],

  // Imported evidence (the STAR extract, national averages) and the reports that set it beside the register.
  'POST /evidence/extracts': ['appeals-liaison', 'admin'],
  'GET /evidence/extracts/:extractId': ['appeals-liaison', 'auditor', 'admin'],
  'POST /evidence/comparators': ['appeals-liaison', 'admin'],
  'GET /evidence/comparators/:comparatorId': ['appeals-liaison', 'auditor', 'admin'],
  'GET /reports/extract-reconciliation/:extractId': ['appeals-liaison', 'auditor', 'admin'],
  'GET /reports/complaint-statistics': ['appeals-liaison', 'auditor', 'admin'],
  // From the events at a position and a recorded-time cutoff; includeCitizens=true also needs one of these roles (reports/report-clearance.ts).
  'GET /reports/sanction-review': ['appeals-liaison', 'auditor', 'admin'],
};

/**
 * The row for a request's route: `method` and `url` as the router has them (`request.routeOptions`).
 * HEAD is answered by the GET route's handler, so it takes the GET row. Undefined: no row, refuse.
 */
export function routeAccess(method: string | readonly string[] | undefined, url: string | undefined, policy = ROUTE_POLICY): RouteAccess | undefined {
  if (typeof method !== 'string' || url === undefined) return undefined;
  const key = `${method === 'HEAD' ? 'GET' : method} ${url}`;
  return Object.prototype.hasOwnProperty.call(policy, key) ? policy[key as RouteKey] : undefined;
}
