import { Query } from '@nestjs/cqrs';
import type { AppealOutcome, LegalArea } from '@casetrail/case-management';
import type { Page, PageRequest } from '../query/page';

export interface AppealFilters {
  readonly legalArea?: LegalArea;
  readonly outcome?: AppealOutcome;
  /** Inclusive range on the date Ankestyrelsen decided (yyyy-mm-dd); undecided appeals fall outside any range. */
  readonly decidedFrom?: string;
  readonly decidedTo?: string;
}

/** A row of read_model.appeals_register. */
export interface AppealView {
  readonly appealId: string;
  readonly caseId: string;
  readonly caseNumber: string;
  readonly legalArea: string;
  readonly sanctionIds: readonly string[];
  readonly lodgedOn: string;
  readonly decidedOn: string | null;
  readonly outcome: string | null;
}

/** Appeals matching the filters, ordered by lodged_on, then appeal_id. */
export class ListAppealsQuery extends Query<Page<AppealView>> {
  constructor(
    readonly filters: AppealFilters,
    readonly page: PageRequest,
  ) {
    super();
  }
}
