import { Query } from '@nestjs/cqrs';
import type { EvidenceReportHeader } from '../evidence-shared/report-header';
import type { ExtractReconciliation } from './reconcile-extract';

export interface ExtractReconciliationReport extends ExtractReconciliation {
  readonly header: EvidenceReportHeader;
}

/** An imported extract set against the sanction register. */
export class GetExtractReconciliationQuery extends Query<ExtractReconciliationReport> {
  constructor(readonly extractId: string) {
    super();
  }
}
