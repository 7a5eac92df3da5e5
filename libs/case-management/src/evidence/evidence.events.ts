import type { DomainEvent } from '@casetrail/event-store';
import type { LegalArea } from '../citizen-case/catalogue/case-catalogues';

/** ISO calendar date, yyyy-mm-dd. */
type IsoDate = string;

export interface EvidencePeriod {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** A sanction as the extract reports it, in the extract's own vocabulary (e.g. `STRICTER_AVAILABILITY`). */
export interface ExtractSanction {
  readonly type: string;
  readonly date: IsoDate;
  /** Integer øre, when the extract gives an amount. */
  readonly amountOre: number | null;
}

/**
 * A citizen listed in an extract. A citizen registered in the personal-data vault is recorded by
 * their pseudonymous reference; anyone else by the vault's keyed lookup hash of the CPR number only.
 * The CPR number itself is never recorded.
 */
export type ExtractCitizen =
  | { readonly citizenRef: string; readonly lookupHash: null; readonly sanctions: readonly ExtractSanction[] }
  | { readonly citizenRef: null; readonly lookupHash: string; readonly sanctions: readonly ExtractSanction[] };

/**
 * An external extract (e.g. STAR / Jobindsats) stored as imported evidence: who produced it, the
 * period it covers, when the municipality received it, and the SHA-256 digest of the document, so
 * that the file can be recognised later. It never changes the municipality's own facts.
 */
export type ExtractImported = DomainEvent<
  'ExtractImported',
  {
    readonly extractId: string;
    readonly source: string;
    readonly period: EvidencePeriod;
    readonly receivedOn: IsoDate;
    readonly digest: { readonly algorithm: 'SHA-256'; readonly value: string };
    /** In the order of the document. */
    readonly citizens: readonly ExtractCitizen[];
  }
>;

/** A figure from outside to compare with, e.g. the national average reversal rate, stored as imported evidence. */
export type ComparatorImported = DomainEvent<
  'ComparatorImported',
  {
    readonly comparatorId: string;
    /** What the figure is, e.g. "Landsgennemsnit, omgørelsesprocent". */
    readonly label: string;
    readonly source: string;
    readonly receivedOn: IsoDate;
    readonly legalArea: LegalArea;
    readonly period: EvidencePeriod;
    /** As published, in percent (at most two decimals). */
    readonly reversalRatePct: number;
  }
>;

export type ExtractEvent = ExtractImported;
export type ComparatorEvent = ComparatorImported;
