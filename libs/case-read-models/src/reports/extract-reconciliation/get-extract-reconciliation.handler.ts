import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DomainError, extractStream, importedExtract } from '@casetrail/case-management';
import { EVENT_STORE, foldStream, type EventStore } from '@casetrail/event-store';
import type { DataSource } from 'typeorm';
import { READ_MODEL_DATA_SOURCE } from '../../nest/read-model-data-source';
import { READ_MODEL_SCHEMA } from '../../projection/projection';
import { ore } from '../../query/page';
import { citizenCasesPosition } from '../evidence-shared/report-header';
import { GetExtractReconciliationQuery, type ExtractReconciliationReport } from './get-extract-reconciliation.query';
import { EXTRACT_STRICTER_TYPE, UNTYPED_SANCTION_TYPES, reconcileExtract, type ExtractEvidence, type RegisteredSanction } from './reconcile-extract';

interface RegisterRow {
  sanction_id: string;
  citizen_ref: string;
  sanction_type: string;
  stricter: boolean;
  breach_date: string;
  amount_deducted_ore: string;
}

@QueryHandler(GetExtractReconciliationQuery)
export class GetExtractReconciliationHandler implements IQueryHandler<GetExtractReconciliationQuery> {
  constructor(
    @Inject(READ_MODEL_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ extractId }: GetExtractReconciliationQuery): Promise<ExtractReconciliationReport> {
    const history = await this.store.readStream(extractStream(extractId));
    const extract = foldStream(importedExtract, history).extract;
    if (extract === null) throw new DomainError('EXTRACT.NOT_FOUND', `No extract ${extractId} has been imported`, { kind: 'not_found' });
    const { metadata } = history[0];
    const evidence: ExtractEvidence = {
      kind: 'IMPORTED_EVIDENCE',
      extractId: extract.extractId,
      source: extract.source,
      period: extract.period,
      receivedOn: extract.receivedOn,
      digest: extract.digest,
      importedAt: metadata.recordedAt,
      importedBy: metadata.actor,
    };
    const { position, sanctions } = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const position = await citizenCasesPosition(manager);
      const rows: RegisterRow[] = await manager.query(
        `SELECT sanction_id::text AS sanction_id, citizen_ref::text AS citizen_ref, sanction_type, stricter,
                breach_date::text AS breach_date, amount_deducted_ore::text AS amount_deducted_ore
           FROM "${READ_MODEL_SCHEMA}".sanction_register
          WHERE breach_date BETWEEN $1::date AND $2::date AND (stricter OR sanction_type = ANY($3::text[]))
          ORDER BY breach_date, sanction_id`,
        [extract.period.from, extract.period.to, [...UNTYPED_SANCTION_TYPES]],
      );
      return { position, sanctions: rows.map(registeredSanction) };
    });
    const reconciliation = reconcileExtract(evidence, extract.citizens, sanctions);
    return {
      header: {
        report: 'extract-reconciliation',
        title: 'Afstemning af eksternt udtræk mod kommunens sanktionsregister',
        parameters: { extractId: extract.extractId, extractType: EXTRACT_STRICTER_TYPE },
        cutoff: `Sanctions with a breach date from ${extract.period.from} to ${extract.period.to} (the extract's period), as recorded at position ${position}; citizens matched when the extract was imported`,
        position,
        rounding: 'None: counts and integer øre only',
      },
      ...reconciliation,
    };
  }
}

function registeredSanction(row: RegisterRow): RegisteredSanction {
  return {
    sanctionId: row.sanction_id,
    citizenRef: row.citizen_ref,
    sanctionType: row.sanction_type,
    stricter: row.stricter,
    breachDate: row.breach_date,
    amountDeductedOre: ore(row.amount_deducted_ore),
  };
}
