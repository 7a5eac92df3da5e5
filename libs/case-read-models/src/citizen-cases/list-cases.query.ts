import { Query } from '@nestjs/cqrs';
import type { LegalArea } from '@casetrail/case-management';
import type { Page, PageRequest } from '../query/page';

export interface CaseFilters {
  readonly caseNumber?: string;
  readonly status?: 'OPEN' | 'CLOSED';
  readonly owningUnit?: string;
  readonly legalArea?: LegalArea;
  /** Inclusive range on the date the case was opened (yyyy-mm-dd). */
  readonly openedFrom?: string;
  readonly openedTo?: string;
}

/** A row of read_model.case_summary. Money is integer øre; positions are decimal strings. */
export interface CaseSummaryView {
  readonly caseId: string;
  readonly streamName: string;
  readonly caseNumber: string;
  readonly caseNumberFormat: string;
  readonly kleSubject: string | null;
  readonly citizenRef: string;
  readonly legalArea: string;
  readonly owningUnit: string;
  readonly status: string;
  readonly openedOn: string;
  readonly closedOn: string | null;
  readonly closureReason: string | null;
  readonly sanctionCount: number;
  readonly sanctionsInError: number;
  readonly repaymentAssessedOre: number;
  readonly appealCount: number;
  readonly revision: number;
  readonly lastPosition: string;
  readonly lastRecordedAt: string;
}

/** Citizen cases matching the filters, ordered by opened_on, then case_id. */
export class ListCasesQuery extends Query<Page<CaseSummaryView>> {
  constructor(
    readonly filters: CaseFilters,
    readonly page: PageRequest,
  ) {
    super();
  }
}
