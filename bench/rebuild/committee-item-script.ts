import {
  parseCaseNumber,
  type AttendanceEntry,
  type DecisionOutcome,
  type LinkRelation,
  type RecommendationKind,
  type VoteChoice,
} from '@casetrail/case-management';
import { PARTY_TERM_START, isoDay, workingInstant, yearOfDay, type CommitteeMember, type CommitteeSeats, type Draft, type World } from './generator-world';

const TITLES = [
  'Opfølgning på skærpet rådighedssanktion',
  'Budgetopfølgning pr. 30. juni',
  'Status på gennemgang af sanktionssager',
  'Beskæftigelsesplan for det kommende år',
  'Kvalitetsstandard for ressourceforløb',
  'Orientering om Ankestyrelsens praksisundersøgelse',
  'Tilbagebetaling af fejlagtigt fratrukne ydelser',
  'Anlægsbevilling til nyt jobcenter',
  'Revideret samarbejdsaftale med uddannelsesinstitutionerne',
  'Høring om ny struktur på ungeområdet',
];
const CLOSED_TITLES = ['Personsag', 'Lukket punkt: Tilbagebetaling i enkeltsag', 'Lukket punkt: Klage over afgørelse'];
const POINTS = ['at orienteringen tages til efterretning', 'at indstillingen tiltrædes', 'at der gives en tillægsbevilling', 'at sagen sendes i høring', 'at administrationen bemyndiges til at gå videre'];
const DECISION_TEXTS: Readonly<Record<DecisionOutcome, string>> = {
  ENDORSED: 'Tiltrådt.',
  APPROVED: 'Godkendt.',
  APPROVED_WITH_AMENDMENTS: 'Godkendt med de anførte ændringer.',
  NOTED: 'Taget til efterretning.',
  INFORMATION_GIVEN: 'Orienteringen blev givet.',
  RECOMMENDED_TO_NEXT_BODY: 'Anbefales over for Økonomiudvalget og Byrådet.',
  REJECTED: 'Forkastet.',
};
const AMENDMENTS = ['Tidsplanen forlænges med tre måneder', 'Der afrapporteres kvartalsvis til udvalget', 'Beløbet nedsættes til 2,5 mio. kr.'];
const ADOPTING: readonly (readonly [DecisionOutcome, number])[] = [['ENDORSED', 45], ['APPROVED', 30], ['APPROVED_WITH_AMENDMENTS', 10], ['RECOMMENDED_TO_NEXT_BODY', 15]];
const RECENT_ITEMS = 500;

/**
 * One agenda item of a committee meeting, event by event as the deciders would produce them: opened
 * on the committee's current agenda, perhaps linked to an earlier item, the administration's
 * recommendation, attendance (sometimes a late arrival recorded apart), on some items votes along
 * party lines by the members present and their substitutes, protocol notes by dissenters, a decision
 * consistent with the votes and the quorum, and where the item goes next.
 */
export function* committeeItemScript(world: World, itemId: string): Generator<Draft, void, undefined> {
  const r = world.random;
  const secretary = `secretary-${r.int(1, 6)}`;
  const draft = (type: string, data: unknown, effectiveAt?: string): Draft => ({ id: world.uuid(), type, data, actor: secretary, effectiveAt });

  const committee = r.pick(world.committees);
  const { meetingDay, itemNumber } = agendaSlot(world, committee);
  const atMeeting = () => workingInstant(meetingDay, r);
  const closed = r.chance(0.1);
  yield draft('ItemOpened', {
    itemId,
    caseNumber: parseCaseNumber(world.caseNumber(yearOfDay(meetingDay))),
    committee: { id: committee.id, name: committee.name, memberCount: committee.members.length },
    meetingDate: isoDay(meetingDay),
    itemNumber,
    title: closed ? r.pick(CLOSED_TITLES) : r.pick(TITLES),
    closed,
  });
  const earlier = world.itemIds.slice(-RECENT_ITEMS);
  world.itemIds.push(itemId);
  if (world.itemIds.length > 4 * RECENT_ITEMS) world.itemIds.splice(0, world.itemIds.length - RECENT_ITEMS);
  if (earlier.length > 0 && r.chance(0.08)) {
    const relation = r.weighted<LinkRelation>([['CONTINUES', 40], ['REFERRED_FROM', 35], ['RELATED', 25]]);
    yield draft('ItemLinked', { linkedItemId: r.pick(earlier), relation });
  }

  let kind: RecommendationKind | null = null;
  if (r.chance(0.95)) {
    kind = r.weighted<RecommendationKind>([['DECISION', 65], ['INFORMATION_ONLY', 25], ['CHOICE_BETWEEN_OPTIONS', 10]]);
    const points = r.sample(POINTS, r.weighted([[1, 60], [2, 30], [3, 10]] as const)).map((text, i) => ({ number: i + 1, text }));
    const originators = r.chance(0.8) ? ['Jobcenter'] : ['Jobcenter', 'Ydelsescenter'];
    yield draft('RecommendationMade', { originators, addressee: committee.name, points, kind });
  }
  if (!r.chance(kind ? 0.92 : 0.5)) return;

  // Attendance: everyone present but a few, some of them with a substitute in their seat.
  const absentCount = r.weighted([[0, 50], [1, 30], [2, 15], [3, 5]] as const);
  const absent = new Set(r.sample(committee.members, absentCount).map((m) => m.memberId));
  const substitutes = [...committee.substitutes];
  const entries: AttendanceEntry[] = committee.members.map((member) => {
    if (!absent.has(member.memberId)) return { memberId: member.memberId, status: 'PRESENT', absenceNotice: false, substituteMemberId: null };
    const substitute = substitutes.length > 0 && r.chance(0.5) ? substitutes.splice(r.int(0, substitutes.length - 1), 1)[0] : undefined;
    return { memberId: member.memberId, status: 'ABSENT', absenceNotice: r.chance(0.85), substituteMemberId: substitute?.memberId ?? null };
  });
  const late = r.chance(0.15) ? entries.findIndex((e) => e.status === 'PRESENT') : -1;
  yield draft('AttendanceRecorded', { entries: entries.filter((_, i) => i !== late) }, atMeeting());
  if (late >= 0) yield draft('AttendanceRecorded', { entries: [entries[late]] }, atMeeting());

  const everyone = new Map([...committee.members, ...committee.substitutes].map((m) => [m.memberId, m]));
  const participants = entries
    .map((e) => (e.status === 'PRESENT' ? e.memberId : e.substituteMemberId))
    .filter((id): id is string => id !== null)
    .map((id) => everyone.get(id) as CommitteeMember);

  const votes: { member: CommitteeMember; vote: VoteChoice }[] = [];
  if (kind !== 'INFORMATION_ONLY' && r.chance(0.4)) {
    const stances = new Map<string | null, VoteChoice>();
    for (const member of participants) {
      const stance = member.party === null ? undefined : stances.get(member.party);
      const vote = stance && r.chance(0.95) ? stance : r.weighted<VoteChoice>([['FOR', 72], ['AGAINST', 22], ['ABSTAIN', 6]]);
      if (member.party !== null && !stances.has(member.party)) stances.set(member.party, vote);
      votes.push({ member, vote });
      const memberName = member.aliases.length > 0 && r.chance(0.2) ? member.aliases[0] : member.name;
      yield draft('VoteCast', { memberId: member.memberId, memberName, party: member.party, vote }, atMeeting());
    }
  }
  const dissenters = votes.filter((v) => v.vote === 'AGAINST').map((v) => v.member);
  const note =
    dissenters.length > 0 && r.chance(0.4)
      ? { text: `${dissenters[0].party ?? dissenters[0].name} kan ikke tiltræde indstillingen.`, memberIds: dissenters.slice(0, 3).map((m) => m.memberId) }
      : r.chance(0.05)
        ? { text: 'Ønsker sagen genoptaget, når evalueringen foreligger.', memberIds: [r.pick(participants).memberId] }
        : null;
  const noteAfterDecision = r.chance(0.4);
  if (note && !noteAfterDecision) yield draft('ProtocolNoteAdded', note, atMeeting());

  const outcome = decisionOutcome(world, kind, votes);
  const amendments = outcome === 'APPROVED_WITH_AMENDMENTS' ? r.sample(AMENDMENTS, r.int(1, 2)) : [];
  yield draft('DecisionRecorded', { outcome, text: DECISION_TEXTS[outcome], amendments }, atMeeting());
  if (note && noteAfterDecision) yield draft('ProtocolNoteAdded', note, atMeeting());

  const scheduled = new Set<string>();
  const schedule = function* (body: string, date: number): Generator<Draft, void, undefined> {
    if (scheduled.has(body)) return;
    scheduled.add(body);
    yield draft('ReferralScheduled', { body, date: isoDay(date) });
  };
  if (outcome === 'RECOMMENDED_TO_NEXT_BODY' && r.chance(0.9)) {
    if (committee.id !== 'oekonomiudvalget') yield* schedule('Økonomiudvalget', meetingDay + r.int(7, 14));
    yield* schedule('Byrådet', meetingDay + r.int(15, 28));
  }
  if (kind !== 'INFORMATION_ONLY' && r.chance(0.04)) {
    yield draft('ReferralDemanded', { memberId: (dissenters[0] ?? r.pick(participants)).memberId }, atMeeting());
    if (r.chance(0.8)) yield* schedule('Byrådet', meetingDay + r.int(15, 28));
  }
}

/** A member of a committee: registered, with the party held since the start of the election term. */
export function* committeeMemberScript(world: World, member: CommitteeMember): Generator<Draft, void, undefined> {
  const actor = 'secretary-1';
  yield { id: world.uuid(), type: 'MemberRegistered', data: { memberId: member.memberId, name: member.name, aliases: member.aliases }, actor };
  yield { id: world.uuid(), type: 'PartyMembershipRecorded', data: { party: member.party, from: PARTY_TERM_START, to: null }, actor };
}

/**
 * Adopting outcomes need a majority FOR when votes were cast (REJECTED needs none); information
 * outcomes only for information items; without votes the decision is unanimous.
 */
function decisionOutcome(world: World, kind: RecommendationKind | null, votes: readonly { vote: VoteChoice }[]): DecisionOutcome {
  const r = world.random;
  if (votes.length > 0) {
    const votesFor = votes.filter((v) => v.vote === 'FOR').length;
    const votesAgainst = votes.filter((v) => v.vote === 'AGAINST').length;
    return votesFor > votesAgainst ? r.weighted(ADOPTING) : 'REJECTED';
  }
  if (kind === 'INFORMATION_ONLY') return r.weighted<DecisionOutcome>([['NOTED', 70], ['INFORMATION_GIVEN', 30]]);
  return r.chance(0.03) ? 'REJECTED' : r.weighted(ADOPTING);
}

/** The next place on the committee's agenda; a full agenda moves the committee to its next meeting. */
function agendaSlot(world: World, committee: CommitteeSeats): { meetingDay: number; itemNumber: number } {
  const r = world.random;
  if (committee.itemsOnAgenda >= committee.agendaSize) {
    committee.meetingDay = Math.max(committee.meetingDay + r.int(21, 35), world.today() + r.int(3, 10));
    committee.itemsOnAgenda = 0;
    committee.agendaSize = r.int(6, 14);
  }
  committee.itemsOnAgenda++;
  return { meetingDay: committee.meetingDay, itemNumber: committee.itemsOnAgenda };
}
