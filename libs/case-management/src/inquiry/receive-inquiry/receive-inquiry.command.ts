import type { CommandContext } from '@casetrail/event-store';
import type { LegalArea } from '../../citizen-case/catalogue/case-catalogues';

export class ReceiveInquiryCommand {
  constructor(
    readonly inquiryId: string,
    readonly payload: {
      /** Who sent it, e.g. "Ankestyrelsen". */
      readonly from: string;
      readonly question: string;
      readonly scope: {
        readonly legalArea?: LegalArea;
        /** Codes from the sanction-type catalogue. */
        readonly sanctionTypes?: readonly string[];
        readonly period?: { readonly from: string; readonly to: string };
      };
      readonly deadline: string;
      /** Defaults to the command's effective date. */
      readonly receivedOn?: string;
    },
    readonly context: CommandContext,
  ) {}
}
