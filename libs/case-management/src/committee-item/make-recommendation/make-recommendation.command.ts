import type { CommandContext } from '@casetrail/event-store';
import type { RecommendationKind } from '../committee-item.catalogue';

export class MakeRecommendationCommand {
  constructor(
    readonly itemId: string,
    readonly payload: {
      /** The unit(s) recommending, e.g. "Jobcenter", "Borgerservice". */
      readonly originators: readonly string[];
      /** The body addressed, e.g. "Beskæftigelsesudvalget". */
      readonly addressee: string;
      /** Numbered 1..n in order. */
      readonly points: readonly { readonly number: number; readonly text: string }[];
      readonly kind: RecommendationKind;
    },
    readonly context: CommandContext,
    readonly expectedRevision?: number,
  ) {}
}
