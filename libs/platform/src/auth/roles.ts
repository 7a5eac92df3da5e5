/** Every role the API knows; a token's other roles are ignored. */
export const ROLES = ['caseworker', 'committee-secretary', 'auditor', 'appeals-liaison', 'admin'] as const;

/** A role named in a token's `roles` claim and in the API's route policy. */
export type Role = (typeof ROLES)[number];

/** The person behind a request, as established from a verified token. */
export interface AuthenticatedUser {
  /** The token's `sub`: a stable identifier of the person, never a CPR number. */
  readonly subject: string;
  /** Known roles only, without duplicates; never empty. */
  readonly roles: readonly Role[];
  readonly name?: string;
}

/** Whether a value is one of the known roles. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
