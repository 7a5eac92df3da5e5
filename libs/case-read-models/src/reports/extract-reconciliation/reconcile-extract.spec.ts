import type { ExtractCitizen } from '@casetrail/case-management';
import { reconcileExtract, type ExtractEvidence, type RegisteredSanction } from './reconcile-extract';

const evidence: ExtractEvidence = {
  kind: 'IMPORTED_EVIDENCE',
  extractId: 'e-1',
  source: 'STAR/Jobindsats',
  period: { from: '2020-01-01', to: '2023-07-31' },
  receivedOn: '2023-08-07',
  digest: { algorithm: 'SHA-256', value: '0'.repeat(64) },
  importedAt: '2023-08-07T08:00:00.000Z',
  importedBy: 'liaison-1',
};
const ref = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const [A, B, D, E] = [ref(1), ref(2), ref(4), ref(5)];
const HASH_C = 'c'.repeat(64);
const stricter = (date: string, amountOre: number | null = 100_000) => ({ type: 'STRICTER_AVAILABILITY', date, amountOre });

let id = 0;
const own = (citizenRef: string, sanctionType: string, breachDate: string, amountDeductedOre = 50_000): RegisteredSanction => ({
  sanctionId: `s-${++id}`,
  citizenRef,
  sanctionType,
  stricter: sanctionType !== 'AKTL_AVAILABILITY_GENERIC',
  breachDate,
  amountDeductedOre,
});

describe('extract reconciliation, hand-made', () => {
  const extract: ExtractCitizen[] = [
    { citizenRef: A, lookupHash: null, sanctions: [stricter('2020-03-01'), stricter('2021-05-01')] },
    { citizenRef: B, lookupHash: null, sanctions: [stricter('2022-01-01', null), stricter('2022-06-01')] },
    {
      citizenRef: null,
      lookupHash: HASH_C,
      sanctions: [stricter('2023-07-31'), stricter('2019-12-31'), { type: 'ABSENCE', date: '2021-01-01', amountOre: null }],
    },
    { citizenRef: A, lookupHash: null, sanctions: [stricter('2023-01-01')] },
  ];
  const register: RegisteredSanction[] = [
    own(A, 'AKTL_40A_STRICTER_AVAILABILITY', '2020-03-01', 120_000),
    own(A, 'AKTL_40A_STRICTER_AVAILABILITY', '2021-05-01', 80_000),
    own(A, 'AKTL_AVAILABILITY_GENERIC', '2023-01-01'),
    own(B, 'AKTL_AVAILABILITY_GENERIC', '2022-01-01'),
    own(B, 'AKTL_AVAILABILITY_GENERIC', '2022-06-01'),
    own(D, 'AKTL_40A_STRICTER_AVAILABILITY', '2020-01-01'),
    own(E, 'AKTL_40A_STRICTER_AVAILABILITY', '2023-08-01'),
    own(E, 'AKTL_AVAILABILITY_GENERIC', '2021-02-02'),
  ];
  const report = reconcileExtract(evidence, extract, register);

  it('counts citizens in both, only in the extract (and of those, unknown to casetrail) and only internal', () => {
    expect(report.citizens).toEqual({ inExtract: 3, internal: 2, inBoth: 1, onlyInExtract: 2, onlyInExtractUnregistered: 1, onlyInternal: 1, repeatedEntries: 1 });
  });

  it('sets the stricter sanctions the extract reports against those verified internally, and never counts an untyped one as stricter', () => {
    expect(report.sanctions).toEqual({
      reportedByExtract: 6,
      verifiedInternally: 2,
      difference: 4,
      untypedForExtractCitizens: 3,
      untypedInPeriod: 4,
      internalOnlyInternalCitizens: 1,
      extractOutsidePeriod: 1,
      extractOtherTypes: { ABSENCE: 1 },
    });
    expect(report.amounts).toEqual({ reportedByExtractOre: 500_000, reportedWithoutAmount: 1, deductedInternallyOre: 200_000 });
  });

  it('lists the extract citizens whose own record shows no stricter sanction in the period, with their untyped ones', () => {
    expect(report.withoutInternalSanctionOfType).toEqual([
      { line: 2, citizenRef: B, reportedByExtract: 2, verifiedInternally: 0, difference: 2, untypedInternally: 2 },
      { line: 3, citizenRef: null, reportedByExtract: 1, verifiedInternally: 0, difference: 1, untypedInternally: 0 },
    ]);
    expect(report.perCitizen[0]).toEqual({ line: 1, citizenRef: A, reportedByExtract: 3, verifiedInternally: 2, difference: 1, untypedInternally: 1 });
  });

  it('names the evidence and what was compared with what', () => {
    expect(report.evidence).toBe(evidence);
    expect(report.compared).toEqual({
      extractType: 'STRICTER_AVAILABILITY',
      internalTypes: ['AKTL_40A_STRICTER_AVAILABILITY', 'STRICTER_AVAILABILITY_2025'],
      untypedTypes: ['AKTL_AVAILABILITY_GENERIC'],
      period: evidence.period,
    });
  });
});

describe('extract reconciliation at the scale of the national extract', () => {
  it('reports 39 citizens with 88 stricter sanctions against 37 verified: a difference of 51', () => {
    const extract: ExtractCitizen[] = Array.from({ length: 39 }, (_, i) => ({
      citizenRef: ref(100 + i),
      lookupHash: null,
      sanctions: Array.from({ length: i < 10 ? 4 : i < 20 ? 2 : 1 }, (_, j) => stricter(`2021-0${1 + (j % 9)}-15`)),
    }));
    // 10×4 + 10×2 + 19×1 = 79; nine more for the first nine citizens make 88
    for (let i = 0; i < 9; i++) (extract[i].sanctions as unknown[]).push(stricter('2022-02-02'));
    const register = Array.from({ length: 37 }, (_, i) => own(ref(100 + (i % 35)), 'AKTL_40A_STRICTER_AVAILABILITY', '2021-01-15'));
    const report = reconcileExtract(evidence, extract, register);
    expect(report.sanctions).toMatchObject({ reportedByExtract: 88, verifiedInternally: 37, difference: 51 });
    expect(report.citizens).toMatchObject({ inExtract: 39, internal: 35, inBoth: 35, onlyInExtract: 4, onlyInternal: 0 });
  });
});
