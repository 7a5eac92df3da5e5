import { DomainError } from '../../shared/domain-error';
import type { MemberRegistered } from '../committee-member.events';
import { sameName, tidyName } from '../committee-member.rules';
import type { CommitteeMemberState } from '../committee-member.state';
import type { RegisterMemberCommand } from './register-member.command';

export function registerMember(command: RegisterMemberCommand, state: CommitteeMemberState): MemberRegistered[] {
  if (state.status !== 'NONE') throw new DomainError('MEMBER.ALREADY_REGISTERED', 'This member is already registered', { kind: 'conflict' });
  const name = tidyName(command.payload.name);
  if (name === '') throw new DomainError('MEMBER.NAME_MISSING', 'Give the member a name', { field: 'name' });
  const aliases: string[] = [];
  for (const alias of (command.payload.aliases ?? []).map(tidyName)) {
    if (alias === '') throw new DomainError('MEMBER.ALIAS_MISSING', 'An alias cannot be blank', { field: 'aliases' });
    if (![name, ...aliases].some((known) => sameName(known, alias))) aliases.push(alias);
  }
  return [{ type: 'MemberRegistered', data: { memberId: command.memberId, name, aliases } }];
}
