import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, handleCommand, type CommandResult, type EventStore } from '@casetrail/event-store';
import type { CommitteeItemEvent } from '../committee-item.events';
import { committeeItem, committeeItemStream } from '../committee-item.state';
import { RecordAttendanceCommand } from './record-attendance.command';
import { recordAttendance } from './record-attendance.decide';

@CommandHandler(RecordAttendanceCommand)
export class RecordAttendanceHandler implements ICommandHandler<RecordAttendanceCommand, CommandResult<CommitteeItemEvent>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: RecordAttendanceCommand): Promise<CommandResult<CommitteeItemEvent>> {
    return handleCommand(
      this.store,
      committeeItemStream(command.itemId),
      committeeItem,
      (state) => recordAttendance(command, state),
      command.context,
      { expectedRevision: command.expectedRevision },
    );
  }
}
