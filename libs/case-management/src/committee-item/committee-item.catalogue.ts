/** What the administration asks of the committee (indstillingens art). */
export const RECOMMENDATION_KINDS = ['DECISION', 'INFORMATION_ONLY', 'CHOICE_BETWEEN_OPTIONS'] as const;
export type RecommendationKind = (typeof RECOMMENDATION_KINDS)[number];

export const ATTENDANCE_STATUSES = ['PRESENT', 'ABSENT'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const VOTE_CHOICES = ['FOR', 'AGAINST', 'ABSTAIN'] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];

/**
 * ENDORSED "Tiltrådt", APPROVED "Godkendt", NOTED "Til efterretning", RECOMMENDED_TO_NEXT_BODY
 * "Anbefales", and so on.
 */
export const DECISION_OUTCOMES = [
  'ENDORSED',
  'APPROVED',
  'APPROVED_WITH_AMENDMENTS',
  'NOTED',
  'INFORMATION_GIVEN',
  'RECOMMENDED_TO_NEXT_BODY',
  'REJECTED',
] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** Outcomes that adopt the recommendation: with votes cast they need a majority FOR. */
export const ADOPTING_OUTCOMES: readonly DecisionOutcome[] = ['ENDORSED', 'APPROVED', 'APPROVED_WITH_AMENDMENTS', 'RECOMMENDED_TO_NEXT_BODY'];

/** Outcomes that only take information in: for information-only items. */
export const INFORMATION_OUTCOMES: readonly DecisionOutcome[] = ['NOTED', 'INFORMATION_GIVEN'];

export const LINK_RELATIONS = ['CONTINUES', 'REFERRED_FROM', 'RELATED'] as const;
export type LinkRelation = (typeof LINK_RELATIONS)[number];
