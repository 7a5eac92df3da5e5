import { given } from '@casetrail/testing';
import type { MemberRegistered } from '../committee-member.events';
import { committeeMember } from '../committee-member.state';
import { AddAliasCommand } from './add-alias.command';
import { addAlias } from './add-alias.decide';

const context = { actor: 'secretariat-1', correlationId: 'c-1', recordedAt: new Date('2025-01-14T09:00:00Z') };
const registered: MemberRegistered = { type: 'MemberRegistered', data: { memberId: 'member-1', name: 'Per Tærstøl', aliases: [] } };
const command = (alias: string) => new AddAliasCommand('member-1', { alias }, context);

describe('add alias', () => {
  it('adds another spelling of the name', () => {
    given(committeeMember, [registered]).when(addAlias, command(' Per Tærsebøl ')).then([{ type: 'MemberAliasAdded', data: { alias: 'Per Tærsebøl' } }]);
  });

  it('ignores a spelling already known as the name or an alias', () => {
    const added = { type: 'MemberAliasAdded', data: { alias: 'Per Tærsebøl' } } as const;
    given(committeeMember, [registered, added]).when(addAlias, command('per  tærsebøl')).then([]);
    given(committeeMember, [registered, added]).when(addAlias, command('Per Tærstøl')).then([]);
  });

  it('refuses an unknown member', () => {
    given(committeeMember, []).when(addAlias, command('Per Tærsebøl')).thenRefuses('MEMBER.NOT_FOUND');
  });

  it('refuses a blank alias', () => {
    given(committeeMember, [registered]).when(addAlias, command('  ')).thenRefuses('MEMBER.ALIAS_MISSING', 'alias');
  });
});
