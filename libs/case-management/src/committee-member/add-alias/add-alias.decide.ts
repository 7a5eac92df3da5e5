import { DomainError } from '../../shared/domain-error';
import type { MemberAliasAdded } from '../committee-member.events';
import { requireMember, sameName, tidyName } from '../committee-member.rules';
import type { CommitteeMemberState } from '../committee-member.state';
import type { AddAliasCommand } from './add-alias.command';

/** A spelling already known (as the name or an alias) changes nothing. */
export function addAlias(command: AddAliasCommand, state: CommitteeMemberState): MemberAliasAdded[] {
  requireMember(state);
  const alias = tidyName(command.payload.alias);
  if (alias === '') throw new DomainError('MEMBER.ALIAS_MISSING', 'An alias cannot be blank', { field: 'alias' });
  if ([state.name ?? '', ...state.aliases].some((known) => sameName(known, alias))) return [];
  return [{ type: 'MemberAliasAdded', data: { alias } }];
}
