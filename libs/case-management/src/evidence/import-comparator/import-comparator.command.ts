import type { CommandContext } from '@casetrail/event-store';
import type { LegalArea } from '../../citizen-case/catalogue/case-catalogues';

/** Store a figure from outside (e.g. a national average reversal rate) as imported evidence. */
export class ImportComparatorCommand {
  constructor(
    readonly comparatorId: string,
    readonly payload: {
      readonly label: string;
      readonly source: string;
      readonly receivedOn: string;
      readonly legalArea: LegalArea;
      readonly period: { readonly from: string; readonly to: string };
      readonly reversalRatePct: number;
    },
    readonly context: CommandContext,
  ) {}
}
