import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, handleCommand, type CommandResult, type EventStore } from '@casetrail/event-store';
import type { CommitteeItemEvent } from '../committee-item.events';
import { committeeItem, committeeItemStream } from '../committee-item.state';
import { DemandReferralCommand } from './demand-referral.command';
import { demandReferral } from './demand-referral.decide';

@CommandHandler(DemandReferralCommand)
export class DemandReferralHandler implements ICommandHandler<DemandReferralCommand, CommandResult<CommitteeItemEvent>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: DemandReferralCommand): Promise<CommandResult<CommitteeItemEvent>> {
    return handleCommand(
      this.store,
      committeeItemStream(command.itemId),
      committeeItem,
      (state) => demandReferral(command, state),
      command.context,
      { expectedRevision: command.expectedRevision },
    );
  }
}
