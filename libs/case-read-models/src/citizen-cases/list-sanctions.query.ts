import { Query } from '@nestjs/cqrs';
import type { DiscoverySource, ReviewOutcome } from '@casetrail/case-management';
import type { Page, PageRequest } from '../query/page';

export interface SanctionFilters {
  readonly sanctionType?: string;
  readonly stricter?: boolean;
  readonly reviewOutcome?: ReviewOutcome;
  /** Sanctions of cases whose citizen was found through this source (among others). */
  readonly discoverySource?: DiscoverySource;
  /** Inclusive range on the breach date (yyyy-mm-dd). */
  readonly breachFrom?: string;
  readonly breachTo?: string;
  readonly caseId?: string;
}

/** A row of read_model.sanction_register. Money is integer øre. */
export interface SanctionView {
  readonly sanctionId: string;
  readonly caseId: string;
  readonly caseNumber: string;
  readonly citizenRef: string;
  readonly legalArea: string;
  readonly sanctionType: string;
  readonly stricter: boolean;
  readonly legalBasis: { readonly law: string; readonly paragraph: string | null; readonly subsection: string | null; readonly version: string };
  readonly breachDate: string;
  readonly period: { readonly from: string; readonly to: string };
  readonly amountDeductedOre: number;
  readonly decidedOn: string;
  readonly reviewOutcome: string | null;
  readonly errorCategories: readonly string[];
  readonly wouldChangeOnAppeal: boolean | null;
  readonly reviewedOn: string | null;
  readonly discoverySources: readonly string[];
  readonly repaymentAssessedOre: number;
  readonly repaymentScheduledOre: number;
  readonly repaymentPaidOre: number;
  readonly appealOutcome: string | null;
  readonly corrected: boolean;
}

/** Sanctions matching the filters, ordered by breach_date, then sanction_id. */
export class ListSanctionsQuery extends Query<Page<SanctionView>> {
  constructor(
    readonly filters: SanctionFilters,
    readonly page: PageRequest,
  ) {
    super();
  }
}
