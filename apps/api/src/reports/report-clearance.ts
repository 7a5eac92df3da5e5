import { ForbiddenException } from '@nestjs/common';
import type { Role } from '@casetrail/platform';

/** Roles cleared to see the pseudonymous citizens behind a report's figures. */
export const CITIZEN_LIST_ROLES: readonly Role[] = ['appeals-liaison', 'auditor', 'admin'];

/** `includeCitizens=true` needs a cleared role (403 REPORT.CITIZENS_NOT_CLEARED), whoever else may read the route. */
export function requireCitizenClearance(includeCitizens: boolean | undefined, roles: readonly Role[]): void {
  if (includeCitizens && !roles.some((role) => CITIZEN_LIST_ROLES.includes(role))) {
    throw new ForbiddenException({ code: 'REPORT.CITIZENS_NOT_CLEARED', detail: `The citizens behind a report need one of the roles: ${CITIZEN_LIST_ROLES.join(', ')}` });
  }
}
