import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, handleCommand, type CommandResult, type EventStore } from '@casetrail/event-store';
import type { ExtractEvent } from '../evidence.events';
import { extractStream, importedExtract } from '../evidence.state';
import { ImportExtractCommand } from './import-extract.command';
import { importExtract } from './import-extract.decide';

/** No expected revision: when two imports of one document race, the second re-reads and decides nothing. */
@CommandHandler(ImportExtractCommand)
export class ImportExtractHandler implements ICommandHandler<ImportExtractCommand, CommandResult<ExtractEvent>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: ImportExtractCommand): Promise<CommandResult<ExtractEvent>> {
    return handleCommand(this.store, extractStream(command.extractId), importedExtract, (state) => importExtract(command, state), command.context);
  }
}
