import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, handleCommand, type CommandResult, type EventStore } from '@casetrail/event-store';
import type { ComparatorEvent } from '../evidence.events';
import { comparatorStream, importedComparator } from '../evidence.state';
import { ImportComparatorCommand } from './import-comparator.command';
import { importComparator } from './import-comparator.decide';

@CommandHandler(ImportComparatorCommand)
export class ImportComparatorHandler implements ICommandHandler<ImportComparatorCommand, CommandResult<ComparatorEvent>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: ImportComparatorCommand): Promise<CommandResult<ComparatorEvent>> {
    return handleCommand(
      this.store,
      comparatorStream(command.comparatorId),
      importedComparator,
      (state) => importComparator(command, state),
      command.context,
      { expectedRevision: 'no_stream' },
    );
  }
}
