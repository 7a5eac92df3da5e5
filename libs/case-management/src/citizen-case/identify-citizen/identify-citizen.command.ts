import type { CommandContext } from '@casetrail/event-store';
import type { DiscoverySource } from '../catalogue/case-catalogues';

export class IdentifyCitizenCommand {
  constructor(
    readonly caseId: string,
    readonly payload: {
      /** How the municipality found this citizen in a review. */
      readonly source: DiscoverySource;
      readonly identifiedOn?: string;
      readonly note?: string | null;
    },
    readonly context: CommandContext,
    readonly expectedRevision?: number,
  ) {}
}
