import { DomainError } from '../domain-error';

/** A KLE classification: subject code NN.NN.NN and action facet letter + 2 digits (e.g. P27). */
export interface KleCode {
  readonly subject: string;
  readonly facet: string | null;
}

export type CaseNumberFormat = 'EMN' | 'KLE' | 'SLASH_SHORT' | 'SLASH_LONG';

/** A case (journal) number in one of the municipalities' formats, with its parts. */
export interface CaseNumber {
  readonly value: string;
  readonly format: CaseNumberFormat;
  readonly year: number;
  readonly sequence: string;
  readonly kle: KleCode | null;
}

const FORMATS: readonly { format: CaseNumberFormat; pattern: RegExp; year: (y: string) => number }[] = [
  { format: 'EMN', pattern: /^EMN-(\d{4})-(\d{1,6})$/, year: Number },
  { format: 'KLE', pattern: /^(\d{2})-(\d{1,6})-(\d{2}\.\d{2}\.\d{2})(?:-([A-ZÆØÅ]\d{2}))?$/, year: (y) => 2000 + Number(y) },
  { format: 'SLASH_SHORT', pattern: /^(\d{2})\/(\d{1,6})$/, year: (y) => 2000 + Number(y) },
  { format: 'SLASH_LONG', pattern: /^(\d{4})\/(\d{1,6})$/, year: Number },
];

/**
 * Parses `EMN-2023-05050`, `24-1-15.20.00-P27` (year-sequence-KLE subject-facet), `17/7397` and
 * `2016/05156`. Refuses anything else with CASE_NUMBER.INVALID.
 */
export function parseCaseNumber(input: string, field = 'caseNumber'): CaseNumber {
  const value = input.trim();
  for (const { format, pattern, year } of FORMATS) {
    const match = pattern.exec(value);
    if (!match) continue;
    return {
      value,
      format,
      year: year(match[1]),
      sequence: match[2],
      kle: format === 'KLE' ? { subject: match[3], facet: match[4] ?? null } : null,
    };
  }
  throw new DomainError(
    'CASE_NUMBER.INVALID',
    'Case number must look like EMN-2023-05050, 24-1-15.20.00-P27, 17/7397 or 2016/05156',
    { field },
  );
}
