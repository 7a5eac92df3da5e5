import type { DomainEvent, EventStore, EventToAppend, RecordedEvent } from '@casetrail/event-store';
import { given } from '@casetrail/testing';
import { committeeMemberStream } from '../../committee-member/committee-member.state';
import { absent, context, decided, opened, present, quorum, voted } from '../committee-item.fixtures';
import { committeeItem, committeeItemStream } from '../committee-item.state';
import { CastVoteCommand, type CastVoteInput, type Voter } from './cast-vote.command';
import { castVote } from './cast-vote.decide';
import { CastVoteHandler } from './cast-vote.handler';

const naim: Voter = { party: null, names: ['Suleman Naim', 'Suleman Nahim'] };
const input = (payload: Partial<CastVoteCommand['payload']> = {}, voter: Voter = naim): CastVoteInput => ({
  command: new CastVoteCommand('item-2', { memberId: 'm1', vote: 'AGAINST', ...payload }, context),
  voter,
});

describe('cast vote', () => {
  it('records the vote with the party on the meeting date and the registered name', () => {
    given(committeeItem, [opened, quorum]).when(castVote, input()).then([
      { type: 'VoteCast', data: { memberId: 'm1', memberName: 'Suleman Naim', party: null, vote: 'AGAINST' } },
    ]);
  });

  it('keeps the spelling of these minutes when it is a known alias', () => {
    const [event] = given(committeeItem, [opened, quorum]).when(castVote, input({ memberName: ' Suleman  Nahim' })).events();
    expect(event.data.memberName).toBe('Suleman Nahim');
  });

  it("lets a substitute vote in an absent member's seat", () => {
    const [event] = given(committeeItem, [opened, quorum, absent('m7', 's7')]).when(castVote, input({ memberId: 's7', vote: 'FOR' })).events();
    expect(event.data).toMatchObject({ memberId: 's7', vote: 'FOR' });
  });

  it('refuses an item that was never opened', () => {
    given(committeeItem, []).when(castVote, input()).thenRefuses('ITEM.NOT_FOUND');
  });

  it('refuses an unknown choice', () => {
    given(committeeItem, [opened, quorum]).when(castVote, input({ vote: 'BLANK' as never })).thenRefuses('VOTE.UNKNOWN_CHOICE', 'vote');
  });

  it('refuses a vote after the decision', () => {
    given(committeeItem, [opened, quorum, decided()]).when(castVote, input()).thenRefuses('ITEM.ALREADY_DECIDED');
  });

  it('refuses a member not recorded present, or recorded absent', () => {
    given(committeeItem, [opened, quorum]).when(castVote, input({ memberId: 'm9' })).thenRefuses('VOTE.MEMBER_NOT_PRESENT', 'memberId');
    given(committeeItem, [opened, quorum, absent('m7', 's7')]).when(castVote, input({ memberId: 'm7' })).thenRefuses('VOTE.MEMBER_NOT_PRESENT', 'memberId');
  });

  it('refuses a second vote by the same member', () => {
    given(committeeItem, [opened, quorum, voted('m1', 'FOR')]).when(castVote, input({ vote: 'AGAINST' })).thenRefuses('VOTE.ALREADY_CAST', 'memberId');
  });

  it('refuses a member whose party on the meeting date is not known', () => {
    given(committeeItem, [opened, quorum]).when(castVote, input({}, { ...naim, party: undefined })).thenRefuses('VOTE.MEMBER_PARTY_UNKNOWN', 'memberId');
  });

  it('refuses a name that is neither the name nor an alias of the member', () => {
    given(committeeItem, [opened, quorum]).when(castVote, input({ memberName: 'Ole Skrald' })).thenRefuses('VOTE.MEMBER_NAME_UNKNOWN', 'memberName');
  });
});

describe('cast vote handler', () => {
  const record = (streamName: string, events: DomainEvent[]): RecordedEvent[] =>
    events.map((e, revision) => ({
      id: `${streamName}-${revision}`,
      type: e.type,
      data: e.data,
      metadata: { correlationId: 'c-0', causationId: null, actor: 'seed', recordedAt: '2025-01-01T00:00:00Z', schemaVersion: 1 },
      streamName,
      revision,
      position: BigInt(revision + 1),
    }));

  function storeWith(streams: Record<string, DomainEvent[]>) {
    const appended: EventToAppend[] = [];
    const store = {
      readStream: async (name: string) => record(name, streams[name] ?? []),
      appendToStream: async (_name: string, events: readonly EventToAppend[]) => {
        appended.push(...events);
        return { nextRevision: 99, position: 99n };
      },
    } as unknown as EventStore;
    return { store, appended };
  }

  const item = { [committeeItemStream('item-2')]: [opened, present('m1')] };
  const member: DomainEvent[] = [
    { type: 'MemberRegistered', data: { memberId: 'm1', name: 'Michael Dorph Jensen', aliases: [] } },
    { type: 'PartyMembershipRecorded', data: { party: 'Ø', from: '2022-01-01', to: '2025-01-13' } },
    { type: 'PartyMembershipRecorded', data: { party: null, from: '2025-01-14', to: null } },
  ];
  const command = new CastVoteCommand('item-2', { memberId: 'm1', vote: 'AGAINST' }, context);

  it("records the party the member's stream gives for the meeting date", async () => {
    const { store, appended } = storeWith({ ...item, [committeeMemberStream('m1')]: member });
    await new CastVoteHandler(store).execute(command);
    expect(appended.map((e) => e.data)).toEqual([{ memberId: 'm1', memberName: 'Michael Dorph Jensen', party: null, vote: 'AGAINST' }]);
  });

  it('refuses an unknown member with MEMBER.NOT_FOUND (404)', async () => {
    const { store, appended } = storeWith(item);
    await expect(new CastVoteHandler(store).execute(command)).rejects.toMatchObject({ code: 'MEMBER.NOT_FOUND', kind: 'not_found' });
    expect(appended).toEqual([]);
  });
});
