import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, handleCommand, type CommandResult, type EventStore } from '@casetrail/event-store';
import type { CommitteeMemberEvent } from '../committee-member.events';
import { committeeMember, committeeMemberStream } from '../committee-member.state';
import { AddAliasCommand } from './add-alias.command';
import { addAlias } from './add-alias.decide';

@CommandHandler(AddAliasCommand)
export class AddAliasHandler implements ICommandHandler<AddAliasCommand, CommandResult<CommitteeMemberEvent>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: AddAliasCommand): Promise<CommandResult<CommitteeMemberEvent>> {
    return handleCommand(this.store, committeeMemberStream(command.memberId), committeeMember, (state) => addAlias(command, state), command.context, {
      expectedRevision: command.expectedRevision,
    });
  }
}
