import type { CommandContext } from '@casetrail/event-store';

export class RegisterMemberCommand {
  constructor(
    /** Stable across electoral terms; chosen by the caller. */
    readonly memberId: string,
    readonly payload: {
      readonly name: string;
      /** Other spellings of the name found in minutes. */
      readonly aliases?: readonly string[];
    },
    readonly context: CommandContext,
  ) {}
}
