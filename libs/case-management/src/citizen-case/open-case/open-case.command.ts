import type { CommandContext } from '@casetrail/event-store';
import type { LegalArea } from '../catalogue/case-catalogues';

export class OpenCaseCommand {
  constructor(
    readonly caseId: string,
    readonly payload: {
      readonly caseNumber: string;
      /** From the personal-data vault; the CPR number itself never reaches a command. */
      readonly citizenRef: string;
      readonly legalArea: LegalArea;
      readonly owningUnit: string;
      readonly openedOn?: string;
    },
    readonly context: CommandContext,
  ) {}
}
