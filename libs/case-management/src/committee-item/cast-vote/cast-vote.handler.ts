import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, handleCommand, type CommandResult, type EventStore } from '@casetrail/event-store';
import { partyOn } from '../../committee-member/committee-member.rules';
import { committeeMember, committeeMemberStream } from '../../committee-member/committee-member.state';
import { loadAggregate } from '../../shared/queries/load-aggregate';
import type { CommitteeItemEvent } from '../committee-item.events';
import { committeeItem, committeeItemStream } from '../committee-item.state';
import { CastVoteCommand } from './cast-vote.command';
import { castVote } from './cast-vote.decide';

/** Reads the member's stream for the party on the meeting date, then takes the one command path. */
@CommandHandler(CastVoteCommand)
export class CastVoteHandler implements ICommandHandler<CastVoteCommand, CommandResult<CommitteeItemEvent>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute(command: CastVoteCommand): Promise<CommandResult<CommitteeItemEvent>> {
    const stream = committeeItemStream(command.itemId);
    const item = await loadAggregate(this.store, stream, committeeItem, 'ITEM.NOT_FOUND');
    const member = await loadAggregate(this.store, committeeMemberStream(command.payload.memberId), committeeMember, 'MEMBER.NOT_FOUND');
    const voter = {
      party: partyOn(member.state, item.state.meetingDate ?? ''),
      names: [member.state.name ?? '', ...member.state.aliases],
    };
    return handleCommand(this.store, stream, committeeItem, (state) => castVote({ command, voter }, state), command.context, {
      expectedRevision: command.expectedRevision,
    });
  }
}
