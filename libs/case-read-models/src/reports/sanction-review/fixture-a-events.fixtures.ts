import { citizenCaseStream, parseCaseNumber, type CitizenCaseEvent } from '@casetrail/case-management';
import type { RecordedEvent } from '@casetrail/event-store';
import {
  ACCEPTANCE_FIXTURE_A,
  laterFactDate,
  type AcceptanceFixtureA,
  type FixtureCitizen,
  type FixtureLaterFact,
  type FixtureRepayment,
  type IsoDate,
} from '@casetrail/testing';

/**
 * Acceptance fixture A as the events the write side would have stored, for the report's specs:
 * one stream per citizen (case id = the citizen's key, citizen reference `ref-<key>`, sanction and
 * repayment ids = their keys), in the order the facts happened, each recorded at 10:00 UTC on its
 * own date, at positions 1, 2, 3, … The later facts follow, recorded on their dates.
 */
export interface FixtureAEvents {
  readonly events: readonly RecordedEvent[];
  /** Position of the last fact dated on or before 2023-08-29. */
  readonly knownOnPosition: bigint;
}

interface Fact {
  readonly citizenKey: string;
  readonly date: IsoDate;
  readonly rank: number;
  readonly event: CitizenCaseEvent;
}

export function fixtureAEvents(data: AcceptanceFixtureA = ACCEPTANCE_FIXTURE_A): FixtureAEvents {
  const facts = order(data.citizens.flatMap(citizenFacts));
  const later = order(data.laterFacts.map(laterFact));
  const revisions = new Map<string, number>();
  const events = [...facts, ...later].map((fact, index): RecordedEvent => {
    const streamName = citizenCaseStream(fact.citizenKey);
    const revision = (revisions.get(streamName) ?? -1) + 1;
    revisions.set(streamName, revision);
    const at = `${fact.date}T10:00:00.000Z`;
    return {
      id: `event-${index + 1}`,
      type: fact.event.type,
      data: fact.event.data,
      metadata: { correlationId: `c-${index + 1}`, causationId: null, actor: 'caseworker-fixture-a', recordedAt: at, effectiveAt: at, schemaVersion: 1 },
      streamName,
      revision,
      position: BigInt(index + 1),
    };
  });
  return { events, knownOnPosition: BigInt(facts.length) };
}

/** The citizen reference fixture events give a citizen. */
export const refOf = (citizenKey: string): string => `ref-${citizenKey}`;

function order(facts: readonly Fact[]): Fact[] {
  return facts
    .map((fact, index) => ({ fact, index }))
    .sort((a, b) => a.fact.date.localeCompare(b.fact.date) || a.fact.rank - b.fact.rank || a.index - b.index)
    .map(({ fact }) => fact);
}

function citizenFacts(c: FixtureCitizen): Fact[] {
  const fact = (date: IsoDate, rank: number, event: CitizenCaseEvent): Fact => ({ citizenKey: c.key, date, rank, event });
  return [
    fact(c.openedOn, 0, {
      type: 'CaseOpened',
      data: { caseId: c.key, caseNumber: parseCaseNumber(c.caseNumber), citizenRef: refOf(c.key), legalArea: c.legalArea, owningUnit: c.owningUnit, openedOn: c.openedOn },
    }),
    ...c.discoveries.map((d) => fact(d.identifiedOn, 1, { type: 'CitizenIdentified', data: { source: d.source, identifiedOn: d.identifiedOn, note: d.note } })),
    ...c.sanctions.flatMap((s) => {
      const legalBasis = { law: 'aktivloven', paragraph: '40 a', subsection: '1', version: 'aktivloven § 40 a, 2014–2025' };
      const { sanctionType, breachDate, period, amountDeductedOre, decidedOn } = s;
      const imposed = fact(decidedOn, 2, { type: 'SanctionImposed', data: { sanctionId: s.key, sanctionType, legalBasis, breachDate, period, amountDeductedOre, decidedOn } });
      return s.review ? [imposed, fact(s.review.reviewedOn, 3, { type: 'SanctionReviewed', data: { sanctionId: s.key, ...s.review } })] : [imposed];
    }),
    ...c.repayments.flatMap((r) => repaymentFacts(c.key, r)),
  ];
}

function repaymentFacts(citizenKey: string, r: FixtureRepayment): Fact[] {
  const facts: Fact[] = [
    { citizenKey, date: r.assessedOn, rank: 4, event: { type: 'RepaymentAssessed', data: { repaymentId: r.key, sanctionIds: r.sanctionKeys, amountOre: r.amountOre, assessedOn: r.assessedOn } } },
  ];
  if (r.schedule) facts.push({ citizenKey, date: r.schedule.on, rank: 5, event: { type: 'RepaymentScheduled', data: { repaymentId: r.key, scheduledFor: r.schedule.for } } });
  if (r.issuedOn) facts.push({ citizenKey, date: r.issuedOn, rank: 6, event: { type: 'RepaymentIssued', data: { repaymentId: r.key, issuedOn: r.issuedOn } } });
  return facts;
}

function laterFact(f: FixtureLaterFact): Fact {
  const date = laterFactDate(f);
  switch (f.kind) {
    case 'discovery':
      return { citizenKey: f.citizenKey, date, rank: 1, event: { type: 'CitizenIdentified', data: { source: f.discovery.source, identifiedOn: date, note: f.discovery.note } } };
    case 'review':
      return { citizenKey: f.citizenKey, date, rank: 3, event: { type: 'SanctionReviewed', data: { sanctionId: f.sanctionKey, ...f.review } } };
    case 'repayment':
      return repaymentFacts(f.citizenKey, { ...f.repayment, schedule: null, issuedOn: null })[0];
    case 'repayment-issued':
      return { citizenKey: f.citizenKey, date, rank: 6, event: { type: 'RepaymentIssued', data: { repaymentId: f.repaymentKey, issuedOn: date } } };
  }
}
