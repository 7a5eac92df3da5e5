import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, handleCommand, type CommandResult, type EventStore } from '@casetrail/event-store';
import type { CommitteeMemberEvent } from '../committee-member.events';
import { committeeMember, committeeMemberStream } from '../committee-member.state';
import { RecordPartyMembershipCommand } from './record-party-membership.command';
import { recordPartyMembership } from './record-party-membership.decide';

@CommandHandler(RecordPartyMembershipCommand)
export class RecordPartyMembershipHandler implements ICommandHandler<RecordPartyMembershipCommand, CommandResult<CommitteeMemberEvent>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: RecordPartyMembershipCommand): Promise<CommandResult<CommitteeMemberEvent>> {
    return handleCommand(
      this.store,
      committeeMemberStream(command.memberId),
      committeeMember,
      (state) => recordPartyMembership(command, state),
      command.context,
      { expectedRevision: command.expectedRevision },
    );
  }
}
