import type { CommitteeItemState, CommitteeVote, VoteChoice } from '@casetrail/case-management';
import { compareText } from '../projection/compare-text';

/** How a meeting's minutes treat closed items (lukket punkt). */
export interface MeetingMinutesOptions {
  /** Show a closed item only as "<n>. Lukket punkt", for readers not cleared to see its content. */
  readonly omitClosedContent?: boolean;
}

/**
 * One agenda item's minutes as Danish minutes read: heading, recommendation, absentees, the
 * majority by name, then the minority and those abstaining, protocol notes, the decision text, then
 * amendments and where the item goes next. Names are spelled as the votes spelled them; a member
 * no event named is shown by id.
 */
export function renderItemMinutes(state: CommitteeItemState): string {
  const names = memberNames(state);
  const label = (memberId: string) => (memberId ? (names.get(memberId)?.label ?? memberId) : '?');
  const lines = [heading(state)];
  if (state.closed === true) lines.push('Lukket punkt');

  const recommendation = state.recommendation;
  if (recommendation) {
    const originators = joinDanish(asArray(recommendation.originators).map((o) => text(o)).filter(Boolean)) || 'Administrationen';
    lines.push(`Indstilling: ${originators} indstiller til ${text(recommendation.addressee) || '?'}, at`);
    for (const point of asArray(recommendation.points)) {
      lines.push(`${text(point?.number) || '-'}. ${text(point?.text).replace(/^at\s+/i, '')}`);
    }
  }

  // By member id: the order of a stored state's keys is not the order they were added in.
  const absent = Object.values(state.attendance ?? {})
    .filter((entry) => entry?.status === 'ABSENT')
    .sort((a, b) => compareText(String(a.memberId), String(b.memberId)));
  const absentees = absent.map((entry) => {
    const details = [entry.absenceNotice === true ? 'afbud' : '', entry.substituteMemberId ? `stedfortræder: ${names.get(entry.substituteMemberId)?.name ?? entry.substituteMemberId}` : '']
      .filter(Boolean)
      .join(', ');
    return `${names.get(entry.memberId)?.name ?? (text(entry.memberId) || '?')}${details ? ` (${details})` : ''}`;
  });
  lines.push(`Fraværende: ${absentees.length > 0 ? absentees.join(', ') : 'Ingen'}`);

  const votes = asArray(state.votes);
  const voters = (choice: VoteChoice) =>
    votes.filter((v) => v?.vote === choice).map((v) => (text(v.memberId) ? label(text(v.memberId)) : text(v.memberName) || '?'));
  const votesFor = voters('FOR');
  const votesAgainst = voters('AGAINST');
  const sides: [string, string[]][] = [
    ['For stemte', votesFor],
    ['Imod stemte', votesAgainst],
  ];
  if (votesAgainst.length > votesFor.length) sides.reverse();
  for (const [caption, members] of [...sides, ['Undlod at stemme', voters('ABSTAIN')] as [string, string[]]]) {
    if (members.length > 0) lines.push(`${caption}: ${members.join(', ')}`);
  }

  for (const note of asArray(state.protocolNotes)) {
    const authors = joinDanish(asArray(note?.memberIds).map((id) => label(text(id))));
    lines.push(`Protokollat${authors ? ` fra ${authors}` : ''}: ${text(note?.text)}`);
  }

  lines.push(`Beslutning: ${state.decision ? text(state.decision.text) || text(state.decision.outcome) || '?' : 'Ikke afgjort'}`);
  for (const amendment of asArray(state.decision?.amendments)) lines.push(`Ændringsforslag: ${text(amendment)}`);
  for (const referral of asArray(state.referrals)) {
    lines.push(`Sagen oversendes til ${text(referral?.body) || '?'} ${danishDay(referral?.date)}`.trimEnd());
  }
  const demandedBy = asArray(state.referralDemandedBy).map((id) => label(text(id)));
  if (demandedBy.length > 0) lines.push(`Begæret i byrådet af ${joinDanish(demandedBy)}`);
  return lines.join('\n');
}

/**
 * A whole meeting's minutes: a heading "<committee> – møde <dd.mm.yyyy>", then its items in item
 * order, separated by blank lines. Items of several meetings are rendered meeting by meeting.
 */
export function renderMeetingMinutes(items: readonly CommitteeItemState[], options: MeetingMinutesOptions = {}): string {
  const meetings = new Map<string, CommitteeItemState[]>();
  for (const item of items) {
    if (!item || item.status !== 'OPEN') continue;
    const key = `${text(item.meetingDate)}\u0000${text(item.committee?.id)}`;
    const meeting = meetings.get(key);
    if (meeting) meeting.push(item);
    else meetings.set(key, [item]);
  }
  const ordered = [...meetings.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return ordered
    .map(([, meeting]) => {
      const sorted = [...meeting].sort((a, b) => itemOrder(a) - itemOrder(b));
      const first = sorted[0];
      const title = `${text(first.committee?.name) || text(first.committee?.id) || 'Udvalg'} – møde ${danishDay(first.meetingDate)}`.trimEnd();
      const rendered = sorted.map((item) =>
        item.closed === true && options.omitClosedContent ? `${text(item.itemNumber) || '?'}. Lukket punkt` : renderItemMinutes(item),
      );
      return [title, ...rendered].join('\n\n');
    })
    .join('\n\n');
}

interface MemberName {
  readonly name: string;
  /** The name with the party the member had on the meeting date: "Ole Skrald (A)", "Suleman Naim (løsgænger)". */
  readonly label: string;
}

/** The names the item's votes gave its members. */
function memberNames(state: CommitteeItemState): Map<string, MemberName> {
  const names = new Map<string, MemberName>();
  for (const vote of asArray<CommitteeVote>(state.votes)) {
    const id = text(vote?.memberId);
    const name = text(vote?.memberName) || id;
    if (!id || !name) continue;
    const party = vote.party === null ? 'løsgænger' : text(vote.party);
    names.set(id, { name, label: party ? `${name} (${party})` : name });
  }
  return names;
}

function heading(state: CommitteeItemState): string {
  const caseNumber = text(state.caseNumber?.value);
  return `${text(state.itemNumber) || '?'}. ${text(state.title) || 'Uden titel'}${caseNumber ? ` (${caseNumber})` : ''}`;
}

function itemOrder(item: CommitteeItemState): number {
  return typeof item.itemNumber === 'number' && Number.isFinite(item.itemNumber) ? item.itemNumber : Number.MAX_SAFE_INTEGER;
}

/** yyyy-mm-dd as Danish minutes write it: dd.mm.yyyy. */
function danishDay(value: unknown): string {
  const day = text(value);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : day;
}

/** "A", "A og B", "A, B og C". */
function joinDanish(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} og ${items[items.length - 1]}`;
}

function asArray<T>(value: readonly T[] | null | undefined): readonly T[] {
  return Array.isArray(value) ? value : [];
}

function text(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}
