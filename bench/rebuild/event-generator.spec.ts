import {
  ADOPTING_OUTCOMES,
  APPEAL_OUTCOMES,
  CITIZEN_CASE_STREAM_PREFIX,
  CLOSURE_REASONS,
  COMMITTEE_ITEM_STREAM_PREFIX,
  DISCOVERY_SOURCES,
  ERROR_CATEGORIES,
  INFORMATION_OUTCOMES,
  LEGAL_AREAS,
  citizenCase,
  committeeItem,
  findSanctionType,
  isValidOn,
  parseCaseNumber,
  type CitizenCaseEvent,
  type CitizenCaseState,
  type CommitteeItemEvent,
  type CommitteeItemState,
} from '@casetrail/case-management';
import { generateEvents, type GeneratedEvent } from './event-generator';

const OPTIONS = { seed: 20261122, events: 5_000, activeStreams: 50 };
const events = [...generateEvents(OPTIONS)];
const byStream = new Map<string, GeneratedEvent[]>();
for (const event of events) byStream.set(event.streamName, [...(byStream.get(event.streamName) ?? []), event]);
const streamsWith = (prefix: string) => [...byStream.entries()].filter(([name]) => name.startsWith(prefix));

describe('the rebuild benchmark’s event generator', () => {
  it('gives the same events for the same seed, and others for another seed', () => {
    expect(JSON.stringify([...generateEvents(OPTIONS)])).toBe(JSON.stringify(events));
    const other = [...generateEvents({ ...OPTIONS, seed: OPTIONS.seed + 1 })];
    expect(other).toHaveLength(OPTIONS.events);
    expect(other.map((e) => e.id)).not.toEqual(events.map((e) => e.id));
  });

  it('numbers each stream’s events 0, 1, 2 … and interleaves the streams in the log', () => {
    expect(events).toHaveLength(OPTIONS.events);
    const gaps = [...byStream.values()].filter((stream) => stream.some((e, i) => e.revision !== i));
    expect(gaps).toEqual([]);
    const switches = events.filter((e, i) => i > 0 && e.streamName !== events[i - 1].streamName).length;
    expect(switches).toBeGreaterThan(OPTIONS.events / 4);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  });

  it('stamps every event with the metadata the command path writes, in recorded order', () => {
    const keys = 'actor,causationId,correlationId,effectiveAt,recordedAt,schemaVersion';
    const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
    const wrong = events.filter(({ metadata: m }, i) => {
      const stamped = Object.keys(m).sort().join() === keys && m.causationId === null && m.schemaVersion === 1 && /^[a-z]+-\d+$/.test(m.actor);
      const timed = iso.test(m.recordedAt) && iso.test(String(m.effectiveAt)) && String(m.effectiveAt) <= m.recordedAt;
      return !stamped || !timed || typeof m.correlationId !== 'string' || (i > 0 && m.recordedAt < events[i - 1].metadata.recordedAt);
    });
    expect(wrong).toEqual([]);
  });

  it('covers every citizen-case and committee-item event type', () => {
    const types = new Set(events.map((e) => e.type));
    for (const type of [
      'CaseOpened', 'CitizenIdentified', 'SanctionImposed', 'SanctionReviewed', 'RepaymentAssessed', 'RepaymentScheduled',
      'RepaymentIssued', 'AppealLodged', 'AppealDecided', 'CaseClosed', 'CaseReopened', 'FactCorrected',
      'ItemOpened', 'RecommendationMade', 'AttendanceRecorded', 'VoteCast', 'ProtocolNoteAdded', 'DecisionRecorded',
      'ReferralDemanded', 'ReferralScheduled', 'ItemLinked',
    ]) {
      expect({ type, present: types.has(type) }).toEqual({ type, present: true });
    }
  });

  it('folds every citizen case with the write side’s aggregate without an impossible state', () => {
    const problems: string[] = [];
    const cases = streamsWith(CITIZEN_CASE_STREAM_PREFIX);
    expect(cases.length).toBeGreaterThan(100);
    for (const [streamName, stream] of cases) {
      let state = citizenCase.initialState();
      for (const recorded of stream) {
        const event = { type: recorded.type, data: recorded.data, id: recorded.id } as CitizenCaseEvent;
        for (const problem of citizenCaseProblems(state, event, streamName)) problems.push(`${streamName}@${recorded.revision} ${event.type}: ${problem}`);
        state = citizenCase.evolve(state, event);
        for (const problem of citizenCaseStateProblems(state)) problems.push(`${streamName}@${recorded.revision} after ${event.type}: ${problem}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('folds every committee item with the write side’s aggregate: votes by those present, decisions that follow the votes', () => {
    const problems: string[] = [];
    const items = streamsWith(COMMITTEE_ITEM_STREAM_PREFIX);
    expect(items.length).toBeGreaterThan(100);
    for (const [streamName, stream] of items) {
      let state = committeeItem.initialState();
      for (const recorded of stream) {
        const event = { type: recorded.type, data: recorded.data, id: recorded.id } as CommitteeItemEvent;
        for (const problem of committeeItemProblems(state, event, streamName)) problems.push(`${streamName}@${recorded.revision} ${event.type}: ${problem}`);
        state = committeeItem.evolve(state, event);
      }
    }
    expect(problems).toEqual([]);
  });
});

/** What the citizen-case deciders would have refused, given the state before the event. */
function citizenCaseProblems(state: CitizenCaseState, event: CitizenCaseEvent, streamName: string): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => ok || problems.push(problem);
  if (event.type !== 'CaseOpened') check(state.status !== 'NONE', 'case not opened');
  switch (event.type) {
    case 'CaseOpened': {
      const d = event.data;
      check(state.status === 'NONE', 'opened twice');
      check(streamName === `${CITIZEN_CASE_STREAM_PREFIX}${d.caseId}`, 'stream is not the case’s');
      check(JSON.stringify(parseCaseNumber(d.caseNumber.value)) === JSON.stringify(d.caseNumber), `case number ${d.caseNumber.value} not as parsed`);
      check(LEGAL_AREAS.includes(d.legalArea), 'legal area');
      break;
    }
    case 'SanctionImposed': {
      const d = event.data;
      const type = findSanctionType(d.sanctionType);
      check(state.status === 'OPEN', 'imposed in a closed case');
      check(!state.sanctions[d.sanctionId], 'sanction id reused');
      check(type !== undefined && isValidOn(type, d.breachDate), `${d.sanctionType} not valid on ${d.breachDate}`);
      check(type !== undefined && JSON.stringify(d.legalBasis) === JSON.stringify({ law: type.law, paragraph: type.paragraph, subsection: type.subsection, version: type.version }), 'legal basis not the catalogue’s');
      check(d.period.from <= d.period.to && d.breachDate <= d.decidedOn, 'dates out of order');
      check(Number.isSafeInteger(d.amountDeductedOre) && d.amountDeductedOre > 0, 'amount');
      break;
    }
    case 'CitizenIdentified':
      check(DISCOVERY_SOURCES.includes(event.data.source), 'source');
      check(!state.discoveries.some((d) => d.source === event.data.source), 'source recorded twice');
      break;
    case 'SanctionReviewed': {
      const d = event.data;
      const sanction = state.sanctions[d.sanctionId];
      check(sanction !== undefined && sanction.review === null, 'no such sanction, or reviewed twice');
      check(reviewFindingsValid(d.outcome, d.errorCategories), 'findings');
      check(sanction !== undefined && d.reviewedOn >= sanction.decidedOn, 'reviewed before decided');
      break;
    }
    case 'RepaymentAssessed': {
      const d = event.data;
      const sanctions = d.sanctionIds.map((id) => state.sanctions[id]);
      check(!state.repayments[d.repaymentId] && d.sanctionIds.length > 0 && new Set(d.sanctionIds).size === d.sanctionIds.length, 'repayment id or sanctions');
      check(sanctions.every((s) => s?.review?.outcome === 'ERROR'), 'repays a sanction not reviewed ERROR');
      const deducted = sanctions.reduce((sum, s) => sum + (s?.amountDeductedOre ?? 0), 0);
      const before = Object.values(state.repayments)
        .filter((p) => p.sanctionIds.some((id) => d.sanctionIds.includes(id)))
        .reduce((sum, p) => sum + p.amountOre, 0);
      check(Number.isSafeInteger(d.amountOre) && d.amountOre > 0 && d.amountOre + before <= deducted, `repays ${d.amountOre} + ${before} of ${deducted} deducted`);
      break;
    }
    case 'RepaymentScheduled': {
      const repayment = state.repayments[event.data.repaymentId];
      check(repayment?.status === 'ASSESSED' && event.data.scheduledFor >= repayment.assessedOn, 'schedule');
      break;
    }
    case 'RepaymentIssued': {
      const repayment = state.repayments[event.data.repaymentId];
      check(repayment !== undefined && repayment.status !== 'ISSUED' && event.data.issuedOn >= repayment.assessedOn, 'issue');
      break;
    }
    case 'AppealLodged':
      check(!state.appeals[event.data.appealId] && event.data.sanctionIds.every((id) => state.sanctions[id]), 'appeal');
      break;
    case 'AppealDecided': {
      const appeal = state.appeals[event.data.appealId];
      check(appeal?.outcome === null && APPEAL_OUTCOMES.includes(event.data.outcome) && event.data.decidedOn >= appeal.lodgedOn, 'appeal decision');
      break;
    }
    case 'CaseClosed':
      check(state.status === 'OPEN' && CLOSURE_REASONS.includes(event.data.reason) && event.data.closedOn >= String(state.openedOn), 'closure');
      break;
    case 'CaseReopened':
      check(state.status === 'CLOSED' && event.data.reason.trim() !== '' && event.data.reopenedOn >= String(state.closure?.closedOn), 'reopening');
      break;
    case 'FactCorrected': {
      const { target, correctsEventId } = event.data;
      if (target.kind === 'case') {
        check(state.eventIds.includes(correctsEventId), 'corrects an event that does not state the case');
      } else {
        const sanction = state.sanctions[target.sanctionId];
        check(sanction?.eventIds.includes(correctsEventId) === true, 'corrects an event that does not state the sanction');
        if (target.kind === 'review') {
          check(sanction?.review != null, 'corrects a review that was not made');
          const review = { ...sanction?.review, ...target.changes };
          check(reviewFindingsValid(review.outcome as string, review.errorCategories ?? []), 'corrected findings');
        }
        if (target.kind === 'sanction' && target.changes.amountDeductedOre !== undefined) check(target.changes.amountDeductedOre > 0, 'corrected amount');
      }
      check(Object.keys(target.changes).length > 0 && event.data.reason.trim() !== '', 'empty correction');
      break;
    }
  }
  return problems;
}

/** What must hold after every event: repayments only of ERROR sanctions, never beyond the deductions. */
function citizenCaseStateProblems(state: CitizenCaseState): string[] {
  const problems: string[] = [];
  for (const repayment of Object.values(state.repayments)) {
    const sanctions = repayment.sanctionIds.map((id) => state.sanctions[id]);
    if (!sanctions.every((s) => s?.review?.outcome === 'ERROR')) problems.push(`repayment ${repayment.repaymentId} of a sanction not in ERROR`);
    const deducted = sanctions.reduce((sum, s) => sum + (s?.amountDeductedOre ?? 0), 0);
    const touching = Object.values(state.repayments).filter((p) => p.sanctionIds.some((id) => repayment.sanctionIds.includes(id)));
    if (touching.reduce((sum, p) => sum + p.amountOre, 0) > deducted) problems.push(`repayments exceed the ${deducted} øre deducted`);
  }
  return problems;
}

function reviewFindingsValid(outcome: string, categories: readonly string[]): boolean {
  const known = categories.every((c) => (ERROR_CATEGORIES as readonly string[]).includes(c)) && new Set(categories).size === categories.length;
  return known && (outcome === 'ERROR' ? categories.length > 0 : outcome === 'CORRECT' && categories.length === 0);
}

/** What the committee-item deciders would have refused, given the state before the event. */
function committeeItemProblems(state: CommitteeItemState, event: CommitteeItemEvent, streamName: string): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => ok || problems.push(problem);
  const present = participants(state);
  if (event.type !== 'ItemOpened') check(state.status === 'OPEN', 'item not opened');
  switch (event.type) {
    case 'ItemOpened': {
      const d = event.data;
      check(state.status === 'NONE' && streamName === `${COMMITTEE_ITEM_STREAM_PREFIX}${d.itemId}`, 'opening');
      check(JSON.stringify(parseCaseNumber(d.caseNumber.value)) === JSON.stringify(d.caseNumber), `case number ${d.caseNumber.value} not as parsed`);
      check(Number.isInteger(d.itemNumber) && d.itemNumber > 0 && d.committee.memberCount > 0, 'item number or seats');
      break;
    }
    case 'RecommendationMade':
      check(state.recommendation === null && state.decision === null, 'second recommendation, or after the decision');
      check(event.data.points.every((p, i) => p.number === i + 1), 'points not numbered 1, 2, 3');
      break;
    case 'AttendanceRecorded': {
      check(state.decision === null, 'attendance after the decision');
      const after = { ...state, attendance: { ...state.attendance, ...Object.fromEntries(event.data.entries.map((e) => [e.memberId, e])) } };
      check(participants(after).size <= (state.committee?.memberCount ?? 0), 'more present than seats');
      check(event.data.entries.every((e) => e.status === 'ABSENT' || (!e.absenceNotice && e.substituteMemberId === null)), 'notice or substitute for a present member');
      break;
    }
    case 'VoteCast':
      check(state.decision === null, 'vote after the decision');
      check(present.has(event.data.memberId), 'vote by a member not present');
      check(!state.votes.some((v) => v.memberId === event.data.memberId), 'voted twice');
      break;
    case 'ProtocolNoteAdded':
      check(event.data.memberIds.length > 0 && event.data.memberIds.every((id) => present.has(id)), 'note by a member not present');
      break;
    case 'DecisionRecorded': {
      const { outcome, amendments } = event.data;
      check(state.decision === null, 'decided twice');
      check(present.size * 2 >= (state.committee?.memberCount ?? 0), 'no quorum');
      check((outcome === 'APPROVED_WITH_AMENDMENTS') === (amendments.length > 0), 'amendments');
      check(!INFORMATION_OUTCOMES.includes(outcome) || state.recommendation?.kind === 'INFORMATION_ONLY', 'information outcome on a decision item');
      if (state.votes.length > 0) {
        const votesFor = state.votes.filter((v) => v.vote === 'FOR').length;
        const votesAgainst = state.votes.filter((v) => v.vote === 'AGAINST').length;
        check(!(ADOPTING_OUTCOMES.includes(outcome) && votesFor <= votesAgainst) && !(outcome === 'REJECTED' && votesFor > votesAgainst), `${outcome} contradicts ${votesFor} for, ${votesAgainst} against`);
      }
      break;
    }
    case 'ReferralDemanded':
      check(present.has(event.data.memberId) && !state.referralDemandedBy.includes(event.data.memberId), 'referral demand');
      break;
    case 'ReferralScheduled':
      check(state.decision !== null && event.data.date >= String(state.meetingDate), 'referral before the decision or the meeting');
      check(!state.referrals.some((r) => r.body === event.data.body && r.date === event.data.date), 'referral scheduled twice');
      break;
    case 'ItemLinked':
      check(event.data.linkedItemId !== state.itemId && !state.links.some((l) => l.linkedItemId === event.data.linkedItemId && l.relation === event.data.relation), 'link');
      break;
  }
  return problems;
}

function participants(state: CommitteeItemState): Set<string> {
  const ids = new Set<string>();
  for (const entry of Object.values(state.attendance)) {
    if (entry.status === 'PRESENT') ids.add(entry.memberId);
    else if (entry.substituteMemberId) ids.add(entry.substituteMemberId);
  }
  return ids;
}
