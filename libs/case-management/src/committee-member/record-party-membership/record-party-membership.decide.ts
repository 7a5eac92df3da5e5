import { effectiveDate, requireIsoDate } from '../../shared/dates';
import { DomainError } from '../../shared/domain-error';
import type { PartyMembershipRecorded } from '../committee-member.events';
import { periodsOverlap, requireMember } from '../committee-member.rules';
import type { CommitteeMemberState } from '../committee-member.state';
import type { RecordPartyMembershipCommand } from './record-party-membership.command';

const PARTY_LETTER = /^[A-ZÆØÅ]$/;

/** Periods of one member never overlap; recording the very same period again changes nothing. */
export function recordPartyMembership(command: RecordPartyMembershipCommand, state: CommitteeMemberState): PartyMembershipRecorded[] {
  requireMember(state);
  const { payload } = command;
  const party = payload.party === null ? null : payload.party.trim().toLocaleUpperCase('da');
  if (party !== null && !PARTY_LETTER.test(party)) {
    throw new DomainError('MEMBER.PARTY_INVALID', 'Party must be one letter (A, F, Æ, Ø …) or null for outside any party', { field: 'party' });
  }
  const from = payload.from === undefined ? effectiveDate(command.context) : requireIsoDate(payload.from, 'from');
  const to = payload.to === undefined || payload.to === null ? null : requireIsoDate(payload.to, 'to');
  if (to !== null && to < from) throw new DomainError('MEMBER.PARTY_PERIOD_INVERTED', 'The period ends before it begins', { field: 'to' });
  const period = { party, from, to };
  if (state.partyPeriods.some((p) => p.party === party && p.from === from && p.to === to)) return [];
  const clash = state.partyPeriods.find((p) => periodsOverlap(p, period));
  if (clash) {
    throw new DomainError(
      'MEMBER.PARTY_PERIODS_OVERLAP',
      `The member's party is already recorded from ${clash.from} to ${clash.to ?? 'now'}`,
      { field: 'from' },
    );
  }
  return [{ type: 'PartyMembershipRecorded', data: period }];
}
