import type { CommandContext } from '@casetrail/event-store';

/** Record that a citizen's data key was destroyed; the host destroys it in the vault first. */
export class EraseCitizenCommand {
  constructor(
    readonly citizenRef: string,
    readonly payload: { readonly reason: string },
    readonly context: CommandContext,
  ) {}
}
