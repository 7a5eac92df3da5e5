import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, handleCommand, type CommandResult, type EventStore } from '@casetrail/event-store';
import type { CommitteeMemberEvent } from '../committee-member.events';
import { committeeMember, committeeMemberStream } from '../committee-member.state';
import { RegisterMemberCommand } from './register-member.command';
import { registerMember } from './register-member.decide';

@CommandHandler(RegisterMemberCommand)
export class RegisterMemberHandler implements ICommandHandler<RegisterMemberCommand, CommandResult<CommitteeMemberEvent>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: RegisterMemberCommand): Promise<CommandResult<CommitteeMemberEvent>> {
    return handleCommand(this.store, committeeMemberStream(command.memberId), committeeMember, (state) => registerMember(command, state), command.context, {
      expectedRevision: 'no_stream',
    });
  }
}
