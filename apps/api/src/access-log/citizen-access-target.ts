/** Where a route names the citizen case (or citizen) it reads. */
export type CitizenAccessTarget =
  /** A route parameter holding the case id, e.g. `/citizen-cases/:caseId`. */
  | { readonly caseIdParam: string }
  /** A query parameter holding the case id; the read counts only when it is given. */
  | { readonly caseIdQuery: string }
  /** A route parameter holding a stream name; the read counts for `citizen-case-<id>` and `citizen-<ref>` streams. */
  | { readonly streamParam: string };

export const CITIZEN_ACCESS_METADATA = 'casetrail:citizen-access';
