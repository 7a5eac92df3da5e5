import { SANCTION_TYPES, type ExtractCitizen } from '@casetrail/case-management';
import { compareText } from '../../projection/compare-text';

/** The extract's type for the stricter availability sanction, compared with the catalogue's stricter types. */
export const EXTRACT_STRICTER_TYPE = 'STRICTER_AVAILABILITY';

/**
 * Catalogue types that say only "availability sanction" without saying which: such a sanction may
 * have been the stricter one, but it is never counted as such; the report counts it as untyped.
 */
export const UNTYPED_SANCTION_TYPES: readonly string[] = ['AKTL_AVAILABILITY_GENERIC'];

/** Internal types the extract's stricter type is compared with: the catalogue entries marked stricter. */
export const STRICTER_SANCTION_TYPES: readonly string[] = SANCTION_TYPES.filter((t) => t.stricter).map((t) => t.code);

/** The imported extract as evidence: what it says, where it came from, when it was received and recorded. */
export interface ExtractEvidence {
  readonly kind: 'IMPORTED_EVIDENCE';
  readonly extractId: string;
  readonly source: string;
  readonly period: { readonly from: string; readonly to: string };
  readonly receivedOn: string;
  readonly digest: { readonly algorithm: 'SHA-256'; readonly value: string };
  readonly importedAt: string;
  readonly importedBy: string;
}

/** A sanction of the municipality's own, as the sanction register holds it. */
export interface RegisteredSanction {
  readonly sanctionId: string;
  readonly citizenRef: string;
  readonly sanctionType: string;
  readonly stricter: boolean;
  readonly breachDate: string;
  readonly amountDeductedOre: number;
}

export interface CitizenComparison {
  /** 1-based position of the citizen's (first) entry in the extract. */
  readonly line: number;
  /** Null when the citizen is not registered in casetrail: the extract knows someone the municipality has no case for. */
  readonly citizenRef: string | null;
  readonly reportedByExtract: number;
  readonly verifiedInternally: number;
  readonly difference: number;
  /** Sanctions in the period recorded internally as an availability sanction of unspecified type. */
  readonly untypedInternally: number;
}

export interface ExtractReconciliation {
  readonly evidence: ExtractEvidence;
  readonly compared: { readonly extractType: string; readonly internalTypes: readonly string[]; readonly untypedTypes: readonly string[]; readonly period: { readonly from: string; readonly to: string } };
  readonly citizens: {
    /** Distinct citizens listed in the extract (entries for the same citizen count once). */
    readonly inExtract: number;
    /** Citizens with a stricter sanction dated (breach date) in the period, per the sanction register. */
    readonly internal: number;
    readonly inBoth: number;
    readonly onlyInExtract: number;
    /** Of those only in the extract: not registered in casetrail at all when the extract was imported. */
    readonly onlyInExtractUnregistered: number;
    readonly onlyInternal: number;
    /** Extract entries that repeat a citizen already listed. */
    readonly repeatedEntries: number;
  };
  readonly sanctions: {
    /** Sanctions of the stricter type, dated in the period, that the extract reports. */
    readonly reportedByExtract: number;
    /** Stricter sanctions in the period that the sanction register holds for the extract's citizens. */
    readonly verifiedInternally: number;
    /** reportedByExtract − verifiedInternally. */
    readonly difference: number;
    /** Untyped (generic) sanctions in the period of the extract's citizens: never counted as stricter. */
    readonly untypedForExtractCitizens: number;
    /** Untyped sanctions in the period of every citizen. */
    readonly untypedInPeriod: number;
    /** Stricter sanctions in the period of citizens the extract does not list. */
    readonly internalOnlyInternalCitizens: number;
    /** Stricter-type sanctions the extract lists with a date outside its own period: not counted. */
    readonly extractOutsidePeriod: number;
    /** Sanctions of other types in the extract, by type: not compared. */
    readonly extractOtherTypes: Readonly<Record<string, number>>;
  };
  readonly amounts: {
    /** Sum of the amounts the extract gives for the counted sanctions (integer øre). */
    readonly reportedByExtractOre: number;
    readonly reportedWithoutAmount: number;
    /** Deducted by the verified internal sanctions (integer øre). */
    readonly deductedInternallyOre: number;
  };
  /** Extract citizens with the stricter type in the period whose internal record shows no stricter sanction then. */
  readonly withoutInternalSanctionOfType: readonly CitizenComparison[];
  /** Every extract citizen, in the extract's order. */
  readonly perCitizen: readonly CitizenComparison[];
}

interface ExtractEntry {
  readonly line: number;
  readonly citizenRef: string | null;
  readonly sanctions: ExtractCitizen['sanctions'][number][];
}

/**
 * Reconciles an imported extract with the sanction register: who is in both, who only in one; how
 * many stricter sanctions the extract reports against how many the municipality has verified for
 * the same citizens. Untyped internal sanctions are reported as such and never counted as stricter.
 * Only counts; nothing is rounded.
 */
export function reconcileExtract(
  evidence: ExtractEvidence,
  extractCitizens: readonly ExtractCitizen[],
  registered: readonly RegisteredSanction[],
): ExtractReconciliation {
  const { period } = evidence;
  const inPeriod = (date: string) => date >= period.from && date <= period.to;
  const entries = new Map<string, ExtractEntry>();
  extractCitizens.forEach((citizen, index) => {
    const identity = citizen.citizenRef !== null ? `ref:${citizen.citizenRef}` : `hash:${citizen.lookupHash}`;
    const entry = entries.get(identity) ?? { line: index + 1, citizenRef: citizen.citizenRef, sanctions: [] };
    entry.sanctions.push(...citizen.sanctions);
    entries.set(identity, entry);
  });

  const ownSanctions = registered.filter((s) => inPeriod(s.breachDate));
  const stricter = ownSanctions.filter((s) => s.stricter && !UNTYPED_SANCTION_TYPES.includes(s.sanctionType));
  const untyped = ownSanctions.filter((s) => UNTYPED_SANCTION_TYPES.includes(s.sanctionType));
  const internalCitizens = new Set(stricter.map((s) => s.citizenRef));
  const stricterByCitizen = countBy(stricter);
  const untypedByCitizen = countBy(untyped);
  const extractRefs = new Set([...entries.values()].flatMap((e) => (e.citizenRef === null ? [] : [e.citizenRef])));

  const otherTypes: Record<string, number> = {};
  let outsidePeriod = 0;
  let reportedOre = 0;
  let withoutAmount = 0;
  const perCitizen = [...entries.values()].map((entry): CitizenComparison => {
    let reported = 0;
    for (const sanction of entry.sanctions) {
      if (sanction.type !== EXTRACT_STRICTER_TYPE) otherTypes[sanction.type] = (otherTypes[sanction.type] ?? 0) + 1;
      else if (!inPeriod(sanction.date)) outsidePeriod++;
      else {
        reported++;
        if (sanction.amountOre === null) withoutAmount++;
        else reportedOre += sanction.amountOre;
      }
    }
    const verified = entry.citizenRef === null ? 0 : (stricterByCitizen.get(entry.citizenRef) ?? 0);
    const untypedHere = entry.citizenRef === null ? 0 : (untypedByCitizen.get(entry.citizenRef) ?? 0);
    return { line: entry.line, citizenRef: entry.citizenRef, reportedByExtract: reported, verifiedInternally: verified, difference: reported - verified, untypedInternally: untypedHere };
  });

  const inBoth = perCitizen.filter((c) => c.citizenRef !== null && internalCitizens.has(c.citizenRef)).length;
  const onlyInExtract = perCitizen.filter((c) => c.citizenRef === null || !internalCitizens.has(c.citizenRef));
  const verifiedSanctions = stricter.filter((s) => extractRefs.has(s.citizenRef));
  const reportedByExtract = perCitizen.reduce((sum, c) => sum + c.reportedByExtract, 0);
  return {
    evidence,
    compared: { extractType: EXTRACT_STRICTER_TYPE, internalTypes: STRICTER_SANCTION_TYPES, untypedTypes: UNTYPED_SANCTION_TYPES, period },
    citizens: {
      inExtract: entries.size,
      internal: internalCitizens.size,
      inBoth,
      onlyInExtract: onlyInExtract.length,
      onlyInExtractUnregistered: onlyInExtract.filter((c) => c.citizenRef === null).length,
      onlyInternal: [...internalCitizens].filter((ref) => !extractRefs.has(ref)).length,
      repeatedEntries: extractCitizens.length - entries.size,
    },
    sanctions: {
      reportedByExtract,
      verifiedInternally: verifiedSanctions.length,
      difference: reportedByExtract - verifiedSanctions.length,
      untypedForExtractCitizens: untyped.filter((s) => extractRefs.has(s.citizenRef)).length,
      untypedInPeriod: untyped.length,
      internalOnlyInternalCitizens: stricter.length - verifiedSanctions.length,
      extractOutsidePeriod: outsidePeriod,
      extractOtherTypes: Object.fromEntries(Object.entries(otherTypes).sort(([a], [b]) => compareText(a, b))),
    },
    amounts: {
      reportedByExtractOre: reportedOre,
      reportedWithoutAmount: withoutAmount,
      deductedInternallyOre: verifiedSanctions.reduce((sum, s) => sum + s.amountDeductedOre, 0),
    },
    withoutInternalSanctionOfType: perCitizen.filter((c) => c.reportedByExtract > 0 && c.verifiedInternally === 0),
    perCitizen,
  };
}

function countBy(sanctions: readonly RegisteredSanction[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of sanctions) counts.set(s.citizenRef, (counts.get(s.citizenRef) ?? 0) + 1);
  return counts;
}
