import { given } from '@casetrail/testing';
import { committeeMember } from '../committee-member.state';
import { RegisterMemberCommand } from './register-member.command';
import { registerMember } from './register-member.decide';

const context = { actor: 'secretariat-1', correlationId: 'c-1', recordedAt: new Date('2025-01-14T09:00:00Z') };
const command = (payload: Partial<RegisterMemberCommand['payload']> = {}) =>
  new RegisterMemberCommand('member-1', { name: 'Per Tærstøl', ...payload }, context);

describe('register member', () => {
  it('registers the member with a tidy name and distinct aliases', () => {
    given(committeeMember, [])
      .when(registerMember, command({ name: ' Per  Tærstøl ', aliases: ['Per Tærsebøl', 'per tærstøl', 'Per  Tærsebøl'] }))
      .then([{ type: 'MemberRegistered', data: { memberId: 'member-1', name: 'Per Tærstøl', aliases: ['Per Tærsebøl'] } }]);
  });

  it('registers a member without aliases', () => {
    const [event] = given(committeeMember, []).when(registerMember, command()).events();
    expect(event.data.aliases).toEqual([]);
  });

  it('refuses a second registration', () => {
    const [registered] = given(committeeMember, []).when(registerMember, command()).events();
    given(committeeMember, [registered]).when(registerMember, command()).thenRefuses('MEMBER.ALREADY_REGISTERED');
  });

  it('refuses a blank name', () => {
    given(committeeMember, []).when(registerMember, command({ name: '  ' })).thenRefuses('MEMBER.NAME_MISSING', 'name');
  });

  it('refuses a blank alias', () => {
    given(committeeMember, []).when(registerMember, command({ aliases: [' '] })).thenRefuses('MEMBER.ALIAS_MISSING', 'aliases');
  });
});
