/** Legal areas a citizen case can belong to. */
export const LEGAL_AREAS = ['AKTIVLOVEN', 'LAB', 'SYGEDAGPENGELOVEN', 'INTEGRATIONSLOVEN', 'KONTANTHJAELPSLOVEN'] as const;
export type LegalArea = (typeof LEGAL_AREAS)[number];

/** How the municipality found a citizen in a review; the order is the reports' precedence. */
export const DISCOVERY_SOURCES = ['PRACTICE_SURVEY', 'EXCLUDED_BY_ANKESTYRELSEN', 'OWN_METHODS', 'NATIONAL_EXTRACT'] as const;
export type DiscoverySource = (typeof DISCOVERY_SOURCES)[number];

export const REVIEW_OUTCOMES = ['CORRECT', 'ERROR'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

/** Why a sanction decision was wrong. */
export const ERROR_CATEGORIES = [
  'MISSING_WRITTEN_GUIDANCE',
  'MISSING_HEARING_OF_PARTY',
  'DEADLINE_EXCEEDED',
  'NO_CONCRETE_ASSESSMENT',
  'WRONG_LEGAL_BASIS',
  'INSUFFICIENT_REASONING',
  'OTHER',
] as const;
export type ErrorCategory = (typeof ERROR_CATEGORIES)[number];

/** Ankestyrelsen's outcomes: upheld, changed, annulled, remitted, dismissed. */
export const APPEAL_OUTCOMES = ['STADFAESTET', 'AENDRET', 'OPHAEVET', 'HJEMVIST', 'AFVIST'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];

export const CLOSURE_REASONS = [
  'SELF_SUPPORTING',
  'MOVED_AWAY',
  'OTHER_BENEFIT',
  'HEALTH',
  'IMPRISONED',
  'DECEASED',
  'REVIEW_COMPLETED',
  'OPENED_IN_ERROR',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];
