import type { CitizenCaseEvent, CommitteeItemEvent, CommitteeMemberEvent, InquiryEvent } from '@casetrail/case-management';

type KnownEvent = CitizenCaseEvent | CommitteeItemEvent | CommitteeMemberEvent | InquiryEvent;
type KnownType = KnownEvent['type'];
/** An event's data as it may arrive: every field possibly missing or of another type. */
type Loose<Data> = { readonly [Key in keyof Data]?: unknown };
type Summaries = { readonly [Type in KnownType]: (data: Loose<Extract<KnownEvent, { type: Type }>['data']>) => string };

/**
 * One readable English line per event, from the event alone. Codes stay codes (they are what the
 * reports count); free texts (reasons, notes, decision wording, closed items' titles) stay out, so
 * the line never shows more than the event's facts, and never a citizen reference.
 */
export function summarise(event: { readonly type: string; readonly data: unknown }): string {
  const type = typeof event?.type === 'string' && event.type.trim() !== '' ? oneLine(event.type) : 'Event';
  const summary = Object.prototype.hasOwnProperty.call(SUMMARIES, type) ? SUMMARIES[type as KnownType] : undefined;
  if (!summary) return `${type} recorded`;
  try {
    return summary(asRecord(event.data));
  } catch {
    return `${type} recorded`;
  }
}

const SUMMARIES: Summaries = {
  CaseOpened: (d) => `Case ${text(asRecord(d.caseNumber).value)} opened: ${text(d.legalArea)}, owning unit ${text(d.owningUnit)}, opened ${text(d.openedOn)}`,
  SanctionImposed: (d) => `Sanction ${text(d.sanctionType)} imposed: breach ${text(d.breachDate)}, ${formatOre(d.amountDeductedOre)} deducted`,
  CitizenIdentified: (d) => `Citizen identified: ${text(d.source)} on ${text(d.identifiedOn)}`,
  SanctionReviewed: (d) => {
    const categories = list(d.errorCategories).map((c) => text(c));
    return `Sanction reviewed: ${text(d.outcome)}${categories.length > 0 ? ` (${categories.join(', ')})` : ''}`;
  },
  RepaymentAssessed: (d) => `Repayment assessed: ${formatOre(d.amountOre)} for ${count(list(d.sanctionIds).length, 'sanction')}`,
  RepaymentScheduled: (d) => `Repayment scheduled for ${text(d.scheduledFor)}`,
  RepaymentIssued: (d) => `Repayment issued on ${text(d.issuedOn)}`,
  AppealLodged: (d) => `Appeal lodged on ${text(d.lodgedOn)} against ${count(list(d.sanctionIds).length, 'sanction')}`,
  AppealDecided: (d) => {
    const outcome = text(d.outcome);
    const meaning = APPEAL_OUTCOMES[outcome];
    return `Appeal decided: ${outcome}${meaning ? ` (${meaning})` : ''} on ${text(d.decidedOn)}`;
  },
  CaseClosed: (d) => `Case closed: ${text(d.reason)} on ${text(d.closedOn)}`,
  CaseReopened: (d) => `Case reopened on ${text(d.reopenedOn)}`,
  FactCorrected: (d) => `Fact corrected: ${correctedFacts(asRecord(d.target))} (corrects event ${text(d.correctsEventId)})`,

  ItemOpened: (d) => {
    const committee = text(asRecord(d.committee).name);
    const where = `for ${committee} ${text(d.meetingDate)} (${text(asRecord(d.caseNumber).value)})`;
    return d.closed === true ? `Closed item ${text(d.itemNumber)} opened ${where}` : `Item ${text(d.itemNumber)} opened ${where}: ${text(d.title)}`;
  },
  RecommendationMade: (d) =>
    `Recommendation made: ${text(d.kind)}, ${count(list(d.points).length, 'point')}, from ${names(list(d.originators))} to ${text(d.addressee)}`,
  AttendanceRecorded: (d) => {
    const entries = list(d.entries).map(asRecord);
    const present = entries.filter((e) => e.status === 'PRESENT').length;
    const absent = entries.filter((e) => e.status === 'ABSENT');
    const substituted = absent.filter((e) => typeof e.substituteMemberId === 'string' && e.substituteMemberId !== '').length;
    const parts = [`${present} present`];
    if (absent.length > 0) parts.push(`${absent.length} absent${substituted > 0 ? ` (${substituted} with a substitute)` : ''}`);
    return `Attendance recorded: ${parts.join(', ')}`;
  },
  VoteCast: (d) => `Vote cast: ${text(d.vote)} by ${text(d.memberName, text(d.memberId))} (${d.party === null ? 'outside any party' : text(d.party)})`,
  ProtocolNoteAdded: (d) => `Protocol note added for ${count(list(d.memberIds).length, 'member')}`,
  DecisionRecorded: (d) => {
    const amendments = list(d.amendments).length;
    return `Decision recorded: ${text(d.outcome)}${amendments > 0 ? ` with ${count(amendments, 'amendment')}` : ''}`;
  },
  ReferralDemanded: (d) => `Referral to the city council demanded by member ${text(d.memberId)}`,
  ReferralScheduled: (d) => `Referral scheduled: ${text(d.body)} on ${text(d.date)}`,
  ItemLinked: (d) => `Item linked: ${text(d.relation)} item ${text(d.linkedItemId)}`,

  MemberRegistered: (d) => {
    const aliases = list(d.aliases).length;
    return `Member registered: ${text(d.name)}${aliases > 0 ? ` with ${count(aliases, 'alias', 'aliases')}` : ''}`;
  },
  MemberAliasAdded: (d) => `Alias added: ${text(d.alias)}`,
  PartyMembershipRecorded: (d) =>
    `Party membership recorded: ${d.party === null ? 'outside any party' : text(d.party)} from ${text(d.from)}${d.to === null || d.to === undefined ? '' : ` to ${text(d.to)}`}`,

  InquiryReceived: (d) => `Inquiry received from ${text(d.from)} on ${text(d.receivedOn)}, deadline ${text(d.deadline)}`,
  InquiryAnswerDrafted: (d) => `Answer drafted on ${text(d.draftedOn)}: ${answerReport(d.report)}`,
  InquiryAnswered: (d) => {
    const approval = asRecord(d.approval);
    const approved = typeof approval.committeeItemId === 'string' ? `, approved by committee item ${text(approval.committeeItemId)} (${text(approval.outcome)})` : '';
    return `Inquiry answered on ${text(d.answeredOn)} with draft ${text(d.draftId)}: ${answerReport(d.report)}${approved}`;
  },
};

function answerReport(value: unknown): string {
  const report = asRecord(value);
  return `${text(report.kind)} report at log position ${text(report.position)}, as recorded by ${text(report.recordedCutoff)}`;
}

const APPEAL_OUTCOMES: Readonly<Record<string, string>> = {
  STADFAESTET: 'upheld',
  AENDRET: 'changed',
  OPHAEVET: 'annulled',
  HJEMVIST: 'remitted',
  AFVIST: 'dismissed',
};

const CORRECTED_FACTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  case: { owningUnit: 'owning unit', legalArea: 'legal area' },
  sanction: {
    sanctionType: 'sanction type',
    legalBasis: 'legal basis',
    breachDate: 'breach date',
    period: 'sanction period',
    amountDeductedOre: 'sanction amount',
  },
  review: { outcome: 'review outcome', errorCategories: 'review error categories', wouldChangeOnAppeal: 'review appeal assessment' },
};

function correctedFacts(target: Readonly<Record<string, unknown>>): string {
  const labels = Object.prototype.hasOwnProperty.call(CORRECTED_FACTS, String(target.kind)) ? CORRECTED_FACTS[String(target.kind)] : {};
  const facts = Object.keys(asRecord(target.changes)).map((key) => (Object.prototype.hasOwnProperty.call(labels, key) ? labels[key] : oneLine(key)));
  if (facts.length > 0) return joinWithAnd(facts);
  return typeof target.kind === 'string' ? `${oneLine(target.kind)} facts` : 'facts';
}

/** Integer øre as Danish kroner: 1500000 → "15.000,00 kr."; anything else → "an unknown amount". */
export function formatOre(ore: unknown): string {
  let value: bigint;
  if (typeof ore === 'number' && Number.isSafeInteger(ore)) value = BigInt(ore);
  else if (typeof ore === 'bigint') value = ore;
  else if (typeof ore === 'string' && /^-?\d{1,30}$/.test(ore)) value = BigInt(ore);
  else return 'an unknown amount';
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const kroner = (abs / 100n).toString().replace(/\B(?=(\d{3})+$)/g, '.');
  const ore2 = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${kroner},${ore2} kr.`;
}

function asRecord(value: unknown): Readonly<Record<string, unknown>> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

const MAX_FIELD = 200;

/** A scalar as one short line of text; anything else is the fallback. */
function text(value: unknown, fallback = '?'): string {
  if (typeof value === 'string') return value.trim() === '' ? fallback : oneLine(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return fallback;
}

function oneLine(value: string): string {
  const line = value.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  return line.length > MAX_FIELD ? `${line.slice(0, MAX_FIELD - 1)}…` : line;
}

function names(values: readonly unknown[]): string {
  const given = values.map((v) => text(v, '')).filter((v) => v !== '');
  return given.length > 0 ? joinWithAnd(given) : '?';
}

function joinWithAnd(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
