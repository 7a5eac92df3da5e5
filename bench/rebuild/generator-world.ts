import { SeededRandom } from '@casetrail/platform';

/**
 * What the event generator's stream scripts share: a seeded PRNG, the clock of the global log,
 * deterministic time-ordered ids, case-number counters and the municipality's committees.
 */

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date. */
export function dayOf(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

/** The ISO date (yyyy-mm-dd) of a day number. */
export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function yearOfDay(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** An instant during the working day of a date, for facts stated as of a past date. */
export function workingInstant(day: number, random: SeededRandom): string {
  return new Date(day * DAY_MS + random.int(7 * 3600, 15 * 3600) * 1000).toISOString();
}

/** An event as a stream script decides it; the generator adds stream, revision and metadata. */
export interface Draft {
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  /** Who recorded it (the token subject). */
  readonly actor: string;
  /** When the fact took effect, if not when it was recorded (facts entered after the fact). */
  readonly effectiveAt?: string;
}

export interface CommitteeMember {
  readonly memberId: string;
  readonly name: string;
  readonly aliases: readonly string[];
  /** A party letter, or null outside any party (løsgænger). */
  readonly party: string | null;
}

export interface CommitteeSeats {
  readonly id: string;
  readonly name: string;
  readonly members: readonly CommitteeMember[];
  /** Members of the same parties who take an absent member's seat. */
  readonly substitutes: readonly CommitteeMember[];
  meetingDay: number;
  itemsOnAgenda: number;
  agendaSize: number;
}

const COMMITTEES: readonly { id: string; name: string; seats: number }[] = [
  { id: 'beskaeftigelsesudvalget', name: 'Beskæftigelsesudvalget', seats: 7 },
  { id: 'oekonomiudvalget', name: 'Økonomiudvalget', seats: 9 },
  { id: 'social-og-sundhedsudvalget', name: 'Social- og Sundhedsudvalget', seats: 9 },
  { id: 'boerne-og-ungeudvalget', name: 'Børne- og Ungeudvalget', seats: 11 },
  { id: 'teknik-og-miljoeudvalget', name: 'Teknik- og Miljøudvalget', seats: 7 },
  { id: 'kultur-og-fritidsudvalget', name: 'Kultur- og Fritidsudvalget', seats: 7 },
];

const FIRST_NAMES = [
  'Kristine', 'Rikke', 'Ole', 'Signe', 'Susanne', 'Michael', 'Suleman', 'Anders', 'Mette', 'Lars', 'Hanne', 'Jens',
  'Camilla', 'Per', 'Birgitte', 'Søren', 'Louise', 'Henrik', 'Pia', 'Niels', 'Ayse', 'Mads', 'Lene', 'Torben',
];
const MIDDLE_NAMES = ['Louise', 'Dorph', 'Marie', 'Bach', 'Holm', 'Juul', 'Krogh'];
const LAST_NAMES = [
  'Henriksen', 'Schilling', 'Skrald', 'Ejersbo', 'Damsgaard', 'Jensen', 'Naim', 'Hansen', 'Nielsen', 'Pedersen',
  'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Tærsebøl', 'Østergaard', 'Kristensen', 'Møller', 'Yilmaz',
];
const PARTIES: readonly (readonly [string | null, number])[] = [
  ['A', 30], ['V', 20], ['F', 12], ['C', 10], ['Ø', 8], ['O', 6], ['B', 5], ['Æ', 4], ['I', 3], [null, 2],
];

/** The committees' members, registered in the log before any item refers to them. */
export const PARTY_TERM_START = '2022-01-01';

/**
 * The state the scripts share. The clock is the recorded time of the event being decided: the
 * generator moves it forward before it asks a script for its next event.
 */
export class World {
  readonly random: SeededRandom;
  /** Milliseconds since the epoch: the recorded time of the event being decided. */
  now: number;
  readonly committees: CommitteeSeats[];
  /** Ids of opened committee items, for links between items. */
  readonly itemIds: string[] = [];
  private lastIdMs = 0;
  private idSequence = 0;
  private readonly caseNumberSequences = new Map<string, number>();

  constructor(seed: number, startsAt: string) {
    this.random = new SeededRandom(seed);
    this.now = Date.parse(startsAt);
    this.committees = COMMITTEES.map((committee) => ({
      id: committee.id,
      name: committee.name,
      members: Array.from({ length: committee.seats }, () => this.member()),
      substitutes: Array.from({ length: 3 }, () => this.member()),
      meetingDay: this.today() + this.random.int(3, 20),
      itemsOnAgenda: 0,
      agendaSize: this.random.int(6, 14),
    }));
  }

  /** Today's date (day number) at the recorded time. */
  today(): number {
    return Math.floor(this.now / DAY_MS);
  }

  nowIso(): string {
    return new Date(this.now).toISOString();
  }

  /**
   * A UUID version 7 like the API's ids: the clock's milliseconds, a counter within the
   * millisecond, and random bits from the seeded PRNG.
   */
  uuid(): string {
    if (this.now > this.lastIdMs) {
      this.lastIdMs = this.now;
      this.idSequence = this.random.uint32() & 0x1ff;
    } else if (++this.idSequence > 0xfff) {
      this.lastIdMs++;
      this.idSequence = 0;
    }
    const ms = this.lastIdMs.toString(16).padStart(12, '0');
    const a = this.random.uint32();
    const b = this.random.uint32();
    const variant = (((a >>> 16) & 0x3fff) | 0x8000).toString(16);
    return `${ms.slice(0, 8)}-${ms.slice(8)}-7${this.idSequence.toString(16).padStart(3, '0')}-${variant}-${(a & 0xffff).toString(16).padStart(4, '0')}${b.toString(16).padStart(8, '0')}`;
  }

  /** The next number in the given year, in one of the four journal-number formats (parseCaseNumber accepts all). */
  caseNumber(year: number): string {
    const format = this.random.weighted([['EMN', 40], ['KLE', 30], ['SLASH_LONG', 20], ['SLASH_SHORT', 10]] as const);
    const key = `${format}-${year}`;
    const sequence = (this.caseNumberSequences.get(key) ?? this.random.int(100, 3000)) + 1;
    this.caseNumberSequences.set(key, sequence);
    const yy = String(year % 100).padStart(2, '0');
    switch (format) {
      case 'EMN':
        return `EMN-${year}-${String(sequence).padStart(5, '0')}`;
      case 'KLE': {
        const subject = this.random.pick(['15.20.00', '15.00.00', '32.18.04', '32.24.08', '27.12.00']);
        const facet = this.random.chance(0.7) ? `-${this.random.pick(['P27', 'G01', 'A00', 'P20', 'K07'])}` : '';
        return `${yy}-${sequence}-${subject}${facet}`;
      }
      case 'SLASH_LONG':
        return `${year}/${String(sequence).padStart(5, '0')}`;
      case 'SLASH_SHORT':
        return `${yy}/${sequence}`;
    }
  }

  private member(): CommitteeMember {
    const r = this.random;
    const middle = r.chance(0.25) ? ` ${r.pick(MIDDLE_NAMES)}` : '';
    const first = r.pick(FIRST_NAMES);
    const last = r.pick(LAST_NAMES);
    const name = `${first}${middle} ${last}`;
    const aliases = middle && r.chance(0.5) ? [`${first} ${last}`] : [];
    return { memberId: this.uuid(), name, aliases, party: r.weighted(PARTIES) };
  }
}
