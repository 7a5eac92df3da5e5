import type { CommandContext } from '@casetrail/event-store';
import type { ExtractCitizen } from '../evidence.events';

/**
 * Store an extract as imported evidence. The caller has already replaced every CPR number by a
 * citizen reference or the vault's lookup hash; `extractId` is derived from `digest`.
 */
export class ImportExtractCommand {
  constructor(
    readonly extractId: string,
    readonly payload: {
      readonly source: string;
      readonly period: { readonly from: string; readonly to: string };
      readonly receivedOn: string;
      /** SHA-256 of the document, lower-case hex. */
      readonly digest: string;
      readonly citizens: readonly ExtractCitizen[];
    },
    readonly context: CommandContext,
  ) {}
}
