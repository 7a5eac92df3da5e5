import type { CommandContext } from '@casetrail/event-store';
import type { CorrectionTarget } from '../citizen-case.events';

type SanctionTarget = Extract<CorrectionTarget, { kind: 'sanction' }>;

/** A CorrectionTarget as a caller states it: a sanction's legal basis follows its type in the catalogue. */
export type CorrectionRequest =
  | Exclude<CorrectionTarget, SanctionTarget>
  | (Omit<SanctionTarget, 'changes'> & { readonly changes: Omit<SanctionTarget['changes'], 'legalBasis'> });

export class CorrectFactCommand {
  constructor(
    readonly caseId: string,
    readonly payload: {
      /** The stored event whose fact was wrong. */
      readonly correctsEventId: string;
      readonly target: CorrectionRequest;
      readonly reason: string;
    },
    readonly context: CommandContext,
    readonly expectedRevision?: number,
  ) {}
}
