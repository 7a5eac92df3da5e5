/**
 * The sanction-type catalogue: data with validity dates, not code. A type may be imposed only for
 * a breach on a date within its validity. Amending the law means adding an entry (and closing the
 * old one), never editing history. `stricter` marks the stricter availability sanction, which
 * reports count; the generic type exists for records whose precise type is unknown and is never
 * counted as stricter.
 */
export interface SanctionType {
  readonly code: string;
  readonly name: string;
  readonly nameDa: string;
  readonly law: string;
  readonly paragraph: string | null;
  readonly subsection: string | null;
  /** The version of the rule in force, as cited in decisions. */
  readonly version: string;
  /** First and last breach dates the type applies to (ISO dates, inclusive; null: open). */
  readonly validFrom: string;
  readonly validTo: string | null;
  readonly stricter: boolean;
}

export const SANCTION_TYPES: readonly SanctionType[] = [
  {
    code: 'AKTL_40A_STRICTER_AVAILABILITY',
    name: 'Stricter availability sanction',
    nameDa: 'Skærpet rådighedssanktion',
    law: 'aktivloven',
    paragraph: '40 a',
    subsection: '1',
    version: 'aktivloven § 40 a, 2014–2025',
    validFrom: '2014-01-01',
    validTo: '2025-06-30',
    stricter: true,
  },
  {
    code: 'STRICTER_AVAILABILITY_2025',
    name: 'Stricter availability sanction (rules from 1 July 2025)',
    nameDa: 'Skærpet rådighedssanktion (regler fra 1. juli 2025)',
    law: 'kontanthjælpsloven',
    paragraph: null,
    subsection: null,
    version: 'regler fra 2025-07-01',
    validFrom: '2025-07-01',
    validTo: null,
    stricter: true,
  },
  {
    code: 'AKTL_AVAILABILITY_GENERIC',
    name: 'Availability sanction, type not specified',
    nameDa: 'Rådighedssanktion (type ikke angivet)',
    law: 'aktivloven',
    paragraph: null,
    subsection: null,
    version: 'uspecificeret',
    validFrom: '2000-01-01',
    validTo: null,
    stricter: false,
  },
];

export function findSanctionType(code: string): SanctionType | undefined {
  return SANCTION_TYPES.find((type) => type.code === code);
}

/** Whether the type applies to a breach on `date` (ISO yyyy-mm-dd). */
export function isValidOn(type: SanctionType, date: string): boolean {
  return date >= type.validFrom && (type.validTo === null || date <= type.validTo);
}
