import { SetMetadata, type CustomDecorator } from '@nestjs/common';
import type { Role } from './roles';

export const ROLES_METADATA = 'casetrail:roles';
export const PUBLIC_METADATA = 'casetrail:public';

/**
 * Restricts a route (or every route of a controller) to users holding at least one of these roles;
 * others are answered 403 `AUTH.FORBIDDEN_ROLE`. A method's list replaces its controller's.
 */
export function Roles(...roles: [Role, ...Role[]]): CustomDecorator<string> {
  return SetMetadata(ROLES_METADATA, roles);
}

/** Lets a route be called without a token (health checks, for instance). */
export function Public(): CustomDecorator<string> {
  return SetMetadata(PUBLIC_METADATA, true);
}
