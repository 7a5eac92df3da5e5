import type { CommandContext } from '@casetrail/event-store';
import type { ErrorCategory, ReviewOutcome } from '../catalogue/case-catalogues';

export class ReviewSanctionCommand {
  constructor(
    readonly caseId: string,
    readonly payload: {
      readonly sanctionId: string;
      readonly outcome: ReviewOutcome;
      /** Why the decision was wrong: at least one for ERROR, none for CORRECT. */
      readonly errorCategories: readonly ErrorCategory[];
      readonly wouldChangeOnAppeal: boolean;
      readonly reviewer: string;
      readonly reviewedOn?: string;
    },
    readonly context: CommandContext,
    readonly expectedRevision?: number,
  ) {}
}
