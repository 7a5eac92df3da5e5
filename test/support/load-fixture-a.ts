import { EVENT_STORE, type EventStore } from '@casetrail/event-store';
import type { Role } from '@casetrail/platform';
import {
  ACCEPTANCE_FIXTURE_A,
  laterFactDate,
  type FixtureCitizen,
  type FixtureDiscovery,
  type FixtureLaterFact,
  type FixtureRepayment,
  type FixtureReview,
  type IsoDate,
  waitForStableLog,
} from '@casetrail/testing';
import type { TestApi, TestClock, TestResponse } from './api-test-app';

const CASEWORKER = { as: ['caseworker'] as readonly Role[], subject: 'caseworker-fixture-a' };

/** The ids the API gave the fixture's facts, by the fixture's keys, and where in the global log they landed. */
export interface LoadedFixtureA {
  readonly caseIds: Readonly<Record<string, string>>;
  readonly sanctionIds: Readonly<Record<string, string>>;
  readonly repaymentIds: Readonly<Record<string, string>>;
  /** Global position of the last fact dated on or before the report date (2023-08-29). */
  readonly knownOnPosition: bigint;
  /** Global position of the last fact loaded. */
  readonly lastPosition: bigint;
  readonly requests: number;
}

type Api = Pick<TestApi, 'post'>;

export interface LoadOptions {
  /**
   * The test server's clock: when given, each fact is also recorded at its own date (10:00 UTC),
   * so that "as known on" a date means what the fixture says was known then. Restored afterwards.
   */
  readonly clock?: TestClock;
}

interface Fact {
  readonly date: IsoDate;
  /** Orders facts of one day: a case is opened before its sanction is imposed, reviewed, repaid. */
  readonly rank: number;
  readonly label: string;
  readonly send: () => Promise<TestResponse>;
  readonly status: 200 | 201;
  readonly keep?: (body: Record<string, unknown>) => void;
}

/**
 * Waits until the global log shows the last loaded fact. It does once every older transaction on
 * the server has ended (other test files share the server); reports read the log up to there.
 */
export async function waitForLoadedFacts(api: Pick<TestApi, 'app'>, loaded: LoadedFixtureA): Promise<void> {
  await waitForStableLog(api.app.get<EventStore>(EVENT_STORE), loaded.lastPosition);
}

/**
 * Posts acceptance fixture A through the HTTP routes as a caseworker, in the order the facts
 * happened (so that a position in the global log is a date in the fixture), each taking effect on
 * its own date. Every response must have the expected status and store exactly one event. The
 * later facts (after 2023-08-29) are posted only with `includeLaterFacts`.
 */
export async function loadFixtureAThroughApi(api: Api, options: { includeLaterFacts?: boolean } & LoadOptions = {}): Promise<LoadedFixtureA> {
  const loader = new FixtureALoader(api, undefined, options.clock);
  const facts = ACCEPTANCE_FIXTURE_A.citizens.flatMap((citizen) => loader.citizenFacts(citizen));
  const ordered = facts
    .map((fact, index) => ({ fact, index }))
    .sort((a, b) => a.fact.date.localeCompare(b.fact.date) || a.fact.rank - b.fact.rank || a.index - b.index)
    .map(({ fact }) => fact);
  await loader.post(ordered);
  const loaded = loader.result(loader.lastPosition);
  return options.includeLaterFacts ? loadFixtureALaterFactsThroughApi(api, loaded, options) : loaded;
}

/** Posts the fixture's later facts, after {@link loadFixtureAThroughApi} loaded the rest. */
export async function loadFixtureALaterFactsThroughApi(api: Api, loaded: LoadedFixtureA, options: LoadOptions = {}): Promise<LoadedFixtureA> {
  const loader = new FixtureALoader(api, loaded, options.clock);
  await loader.post(ACCEPTANCE_FIXTURE_A.laterFacts.map((fact) => loader.laterFact(fact)));
  return loader.result(loaded.knownOnPosition);
}

class FixtureALoader {
  private readonly caseIds: Record<string, string>;
  private readonly sanctionIds: Record<string, string>;
  private readonly repaymentIds: Record<string, string>;
  private requests: number;
  lastPosition: bigint;

  constructor(
    private readonly api: Api,
    from?: LoadedFixtureA,
    private readonly clock?: TestClock,
  ) {
    this.caseIds = { ...from?.caseIds };
    this.sanctionIds = { ...from?.sanctionIds };
    this.repaymentIds = { ...from?.repaymentIds };
    this.requests = from?.requests ?? 0;
    this.lastPosition = from?.lastPosition ?? 0n;
  }

  citizenFacts(citizen: FixtureCitizen): Fact[] {
    const { key, cpr, caseNumber, legalArea, owningUnit, openedOn } = citizen;
    const opening: Fact = {
      date: openedOn,
      rank: 0,
      label: `${key}: open case`,
      send: () => this.api.post('/citizen-cases', { caseNumber, cpr, legalArea, owningUnit, openedOn, effectiveAt: at(openedOn) }, CASEWORKER),
      status: 201,
      keep: (body) => (this.caseIds[key] = String(body.caseId)),
    };
    const sanctions = citizen.sanctions.flatMap((s): Fact[] => {
      const { sanctionType, breachDate, period, amountDeductedOre, decidedOn } = s;
      const imposed: Fact = {
        date: decidedOn,
        rank: 2,
        label: `${s.key}: impose`,
        send: () => this.api.post(`${this.casePath(key)}/sanctions`, { sanctionType, breachDate, period, amountDeductedOre, decidedOn, effectiveAt: at(decidedOn) }, CASEWORKER),
        status: 201,
        keep: (body) => (this.sanctionIds[s.key] = String(body.sanctionId)),
      };
      return s.review ? [imposed, this.review(key, s.key, s.review)] : [imposed];
    });
    return [
      opening,
      ...citizen.discoveries.map((d) => this.discovery(key, d)),
      ...sanctions,
      ...citizen.repayments.flatMap((r) => this.repayment(key, r)),
    ];
  }

  laterFact(fact: FixtureLaterFact): Fact {
    switch (fact.kind) {
      case 'discovery':
        return this.discovery(fact.citizenKey, fact.discovery);
      case 'review':
        return this.review(fact.citizenKey, fact.sanctionKey, fact.review);
      case 'repayment': {
        const [assessed] = this.repayment(fact.citizenKey, { ...fact.repayment, schedule: null, issuedOn: null });
        return assessed;
      }
      case 'repayment-issued':
        return this.issue(fact.citizenKey, fact.repaymentKey, laterFactDate(fact));
    }
  }

  /** Sends the facts one after another, stopping at the first surprise with the fact's label. */
  async post(facts: readonly Fact[]): Promise<void> {
    const before = this.clock?.now;
    try {
      for (const fact of facts) await this.postOne(fact);
    } finally {
      if (this.clock) this.clock.now = before;
    }
  }

  private async postOne(fact: Fact): Promise<void> {
    if (this.clock) this.clock.now = new Date(at(fact.date));
    const response = await fact.send();
    this.requests++;
    const body = (response.body ?? {}) as Record<string, unknown>;
    const events = Array.isArray(body.events) ? body.events.length : 0;
    if (response.statusCode !== fact.status || events !== 1) {
      throw new Error(`fixture A, ${fact.label} (${fact.date}): expected ${fact.status} with one event, got ${response.statusCode} ${JSON.stringify(body)}`);
    }
    this.lastPosition = BigInt(String(body.position));
    fact.keep?.(body);
  }

  result(knownOnPosition: bigint): LoadedFixtureA {
    return {
      caseIds: { ...this.caseIds },
      sanctionIds: { ...this.sanctionIds },
      repaymentIds: { ...this.repaymentIds },
      knownOnPosition,
      lastPosition: this.lastPosition,
      requests: this.requests,
    };
  }

  private discovery(citizenKey: string, { source, identifiedOn, note }: FixtureDiscovery): Fact {
    return {
      date: identifiedOn,
      rank: 1,
      label: `${citizenKey}: identified by ${source}`,
      send: () => this.api.post(`${this.casePath(citizenKey)}/discoveries`, { source, identifiedOn, note, effectiveAt: at(identifiedOn) }, CASEWORKER),
      status: 200,
    };
  }

  private review(citizenKey: string, sanctionKey: string, review: FixtureReview): Fact {
    return {
      date: review.reviewedOn,
      rank: 3,
      label: `${sanctionKey}: review ${review.outcome}`,
      send: () =>
        this.api.post(
          `${this.casePath(citizenKey)}/sanctions/${this.id(this.sanctionIds, sanctionKey)}/reviews`,
          { ...review, errorCategories: [...review.errorCategories], effectiveAt: at(review.reviewedOn) },
          CASEWORKER,
        ),
      status: 200,
    };
  }

  private repayment(citizenKey: string, r: FixtureRepayment): Fact[] {
    const assessed: Fact = {
      date: r.assessedOn,
      rank: 4,
      label: `${r.key}: assess ${r.amountOre} øre`,
      send: () =>
        this.api.post(
          `${this.casePath(citizenKey)}/repayments`,
          { sanctionIds: r.sanctionKeys.map((key) => this.id(this.sanctionIds, key)), amountOre: r.amountOre, assessedOn: r.assessedOn, effectiveAt: at(r.assessedOn) },
          CASEWORKER,
        ),
      status: 201,
      keep: (body) => (this.repaymentIds[r.key] = String(body.repaymentId)),
    };
    const schedule = r.schedule;
    const scheduled: Fact[] = schedule
      ? [
          {
            date: schedule.on,
            rank: 5,
            label: `${r.key}: schedule for ${schedule.for}`,
            send: () => this.api.post(`${this.repaymentPath(citizenKey, r.key)}/schedule`, { scheduledFor: schedule.for, effectiveAt: at(schedule.on) }, CASEWORKER),
            status: 200,
          },
        ]
      : [];
    return [assessed, ...scheduled, ...(r.issuedOn ? [this.issue(citizenKey, r.key, r.issuedOn)] : [])];
  }

  private issue(citizenKey: string, repaymentKey: string, issuedOn: IsoDate): Fact {
    return {
      date: issuedOn,
      rank: 6,
      label: `${repaymentKey}: issue`,
      send: () => this.api.post(`${this.repaymentPath(citizenKey, repaymentKey)}/issue`, { issuedOn, effectiveAt: at(issuedOn) }, CASEWORKER),
      status: 200,
    };
  }

  private casePath(citizenKey: string): string {
    return `/citizen-cases/${this.id(this.caseIds, citizenKey)}`;
  }

  private repaymentPath(citizenKey: string, repaymentKey: string): string {
    return `${this.casePath(citizenKey)}/repayments/${this.id(this.repaymentIds, repaymentKey)}`;
  }

  private id(ids: Record<string, string>, key: string): string {
    const id = ids[key];
    if (!id) throw new Error(`fixture A: ${key} was not created before a fact that needs it`);
    return id;
  }
}

/** A fact's effective time: mid-morning on its date, the same date in Denmark. */
function at(date: IsoDate): string {
  return `${date}T10:00:00Z`;
}
