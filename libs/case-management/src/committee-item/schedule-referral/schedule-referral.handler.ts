import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, handleCommand, type CommandResult, type EventStore } from '@casetrail/event-store';
import type { CommitteeItemEvent } from '../committee-item.events';
import { committeeItem, committeeItemStream } from '../committee-item.state';
import { ScheduleReferralCommand } from './schedule-referral.command';
import { scheduleReferral } from './schedule-referral.decide';

@CommandHandler(ScheduleReferralCommand)
export class ScheduleReferralHandler implements ICommandHandler<ScheduleReferralCommand, CommandResult<CommitteeItemEvent>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: ScheduleReferralCommand): Promise<CommandResult<CommitteeItemEvent>> {
    return handleCommand(
      this.store,
      committeeItemStream(command.itemId),
      committeeItem,
      (state) => scheduleReferral(command, state),
      command.context,
      { expectedRevision: command.expectedRevision },
    );
  }
}
