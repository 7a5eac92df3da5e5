import { documentDigest, extractIdOf } from '@casetrail/case-management';
import { demoMunicipality, type DemoCase, type DemoItem, type DemoMunicipality } from './demo-municipality';

/** What the seed needs of the API: a signed-in caller (an admin) sending JSON. */
export interface SeedClient {
  post(url: string, body: unknown): Promise<SeedResponse>;
  get(url: string): Promise<SeedResponse>;
}

export interface SeedResponse {
  readonly statusCode: number;
  readonly body: any;
}

export interface SeedOptions {
  /** 1 is about 300 citizens; the end-to-end test uses a fraction. */
  readonly scale: number;
  readonly seed?: number;
  readonly log?: (line: string) => void;
  /** How long to wait for the read models to catch up with the seed (default 120 s). */
  readonly catchUpTimeoutMs?: number;
}

export interface SeedSummary {
  readonly skipped: boolean;
  readonly reason?: string;
  readonly extractId: string;
  readonly comparatorIds: readonly string[];
  readonly counts: Readonly<Record<string, number>>;
}

/**
 * Loads the demo municipality through the API's own routes (validation, commands, the vault), in
 * the order the facts happened, each with its effective time. Skips everything when the demo
 * extract, the last thing the seed stores, is already there; refuses when demo cases exist without
 * it (an earlier run stopped half-way).
 */
export async function seedDemo(client: SeedClient, options: SeedOptions): Promise<SeedSummary> {
  const log = options.log ?? (() => undefined);
  const plan = demoMunicipality({ scale: options.scale, seed: options.seed });
  const extractId = extractIdOf(documentDigest(JSON.stringify(plan.extract)));
  if ((await client.get(`/evidence/extracts/${extractId}`)).statusCode === 200) {
    return { skipped: true, reason: `demo data already loaded (demo extract ${extractId} exists)`, extractId, comparatorIds: [], counts: {} };
  }
  await waitForReadModels(client, options.catchUpTimeoutMs);
  const firstCase = await client.get(`/read-models/cases?caseNumber=${encodeURIComponent(plan.cases[0].caseNumber)}&pageSize=1`);
  const firstMeeting = await client.get(`/read-models/committee-items?committeeId=${plan.items[0].committee.id}&meetingDate=${plan.items[0].meetingDate}&pageSize=1`);
  if (firstCase.body?.total > 0 || firstMeeting.body?.total > 0) {
    throw new Error(
      'Demo data is there, but not the demo extract of this scale: an earlier seed stopped half-way, or ran with another SEED_DEMO_SCALE. Start from an empty database, or run with the same scale.',
    );
  }
  const seeder = new Seeder(client, log);
  await seeder.cases(plan);
  await seeder.committees(plan);
  await seeder.send('inquiry', '/inquiries', plan.inquiry, 201);
  const comparatorIds: string[] = [];
  for (const comparator of plan.comparators) {
    comparatorIds.push((await seeder.send(`comparator ${comparator.label}`, '/evidence/comparators', comparator, 201)).comparatorId);
  }
  const imported = await seeder.send('STAR extract', '/evidence/extracts', plan.extract, 201);
  if (imported.extractId !== extractId) throw new Error(`The demo extract was stored as ${imported.extractId}, not ${extractId}: its bytes differ from what was digested`);
  seeder.count('extract citizens', plan.extract.citizens.length);
  seeder.count('extract sanctions', plan.extract.citizens.reduce((sum, c) => sum + c.sanctions.length, 0));
  log(`stored ${seeder.requests} facts; waiting for the read models`);
  await waitForReadModels(client, options.catchUpTimeoutMs);
  return { skipped: false, extractId, comparatorIds, counts: seeder.counts };
}

/** Waits until every projection has applied the whole log (health: maxLag 0; not counted with EventStoreDB). */
async function waitForReadModels(client: SeedClient, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const health = await client.get('/health');
    const projections = health.body?.projections;
    if (projections?.parked > 0) throw new Error(`A projection parked an event: ${JSON.stringify(projections)}`);
    if (projections?.maxLag === 0 || (projections?.status === 'up' && projections?.maxLag === null)) return;
    if (Date.now() > deadline) throw new Error(`The read models did not catch up within ${timeoutMs} ms: ${JSON.stringify(projections)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

interface Fact {
  readonly date: string;
  readonly rank: number;
  readonly label: string;
  readonly run: () => Promise<void>;
}

const at = (date: string) => `${date}T10:00:00Z`;

class Seeder {
  readonly counts: Record<string, number> = {};
  requests = 0;
  private readonly ids = new Map<string, string>();

  constructor(
    private readonly client: SeedClient,
    private readonly log: (line: string) => void,
  ) {}

  count(what: string, by = 1): void {
    this.counts[what] = (this.counts[what] ?? 0) + by;
  }

  async send(label: string, url: string, body: unknown, status: 200 | 201 = 200): Promise<any> {
    const response = await this.client.post(url, body);
    this.requests++;
    if (response.statusCode !== status) throw new Error(`seed: ${label}: POST ${url} answered ${response.statusCode} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  async cases(plan: DemoMunicipality): Promise<void> {
    for (const [index, demoCase] of plan.cases.entries()) {
      const facts = this.caseFacts(demoCase).sort((a, b) => a.date.localeCompare(b.date) || a.rank - b.rank);
      for (const fact of facts) await fact.run();
      if ((index + 1) % 50 === 0) this.log(`${index + 1} of ${plan.cases.length} citizen cases`);
    }
    this.count('citizens', new Set(plan.cases.map((c) => c.cpr)).size);
  }

  private caseFacts(c: DemoCase): Fact[] {
    const path = () => `/citizen-cases/${this.id(c.key)}`;
    const fact = (date: string, rank: number, label: string, run: () => Promise<void>): Fact => ({ date, rank, label, run });
    const facts: Fact[] = [
      fact(c.openedOn, 0, 'open', async () => {
        const body = { caseNumber: c.caseNumber, cpr: c.cpr, legalArea: c.legalArea, owningUnit: c.owningUnit, openedOn: c.openedOn, effectiveAt: at(c.openedOn) };
        this.ids.set(c.key, (await this.send(`${c.key}: open`, '/citizen-cases', body, 201)).caseId);
        this.count(`cases ${c.legalArea}`);
      }),
    ];
    for (const d of c.discoveries) {
      facts.push(
        fact(d.identifiedOn, 1, 'discovery', async () => {
          await this.send(`${c.key}: found by ${d.source}`, `${path()}/discoveries`, { ...d, effectiveAt: at(d.identifiedOn) });
          this.count(`discoveries ${d.source}`);
        }),
      );
    }
    for (const s of c.sanctions) {
      facts.push(
        fact(s.decidedOn, 2, 'impose', async () => {
          const { sanctionType, breachDate, period, amountDeductedOre, decidedOn } = s;
          const body = { sanctionType, breachDate, period, amountDeductedOre, decidedOn, effectiveAt: at(decidedOn) };
          this.ids.set(s.key, (await this.send(`${s.key}: impose`, `${path()}/sanctions`, body, 201)).sanctionId);
          this.count(`sanctions ${sanctionType}`);
        }),
      );
      const review = s.review;
      if (review) {
        facts.push(
          fact(review.reviewedOn, 3, 'review', async () => {
            await this.send(`${s.key}: review`, `${path()}/sanctions/${this.id(s.key)}/reviews`, { ...review, effectiveAt: at(review.reviewedOn) });
            this.count(`reviews ${review.outcome}`);
          }),
        );
      }
    }
    for (const a of c.appeals) {
      facts.push(
        fact(a.lodgedOn, 4, 'lodge appeal', async () => {
          const body = { sanctionIds: a.sanctionKeys.map((k) => this.id(k)), lodgedOn: a.lodgedOn, effectiveAt: at(a.lodgedOn) };
          this.ids.set(a.key, (await this.send(`${a.key}: lodge`, `${path()}/appeals`, body, 201)).appealId);
          this.count('appeals lodged');
        }),
      );
      const decision = a.decision;
      if (decision) {
        facts.push(
          fact(decision.decidedOn, 8, 'decide appeal', async () => {
            await this.send(`${a.key}: decide`, `${path()}/appeals/${this.id(a.key)}/decision`, { ...decision, effectiveAt: at(decision.decidedOn) });
            this.count(`appeals ${decision.outcome}`);
          }),
        );
      }
    }
    for (const r of c.repayments) {
      const repayment = () => `${path()}/repayments/${this.id(r.key)}`;
      facts.push(
        fact(r.assessedOn, 5, 'assess repayment', async () => {
          const body = { sanctionIds: r.sanctionKeys.map((k) => this.id(k)), amountOre: r.amountOre, assessedOn: r.assessedOn, effectiveAt: at(r.assessedOn) };
          this.ids.set(r.key, (await this.send(`${r.key}: assess`, `${path()}/repayments`, body, 201)).repaymentId);
          this.count('repayments assessed');
          this.count('repayment amount assessed, øre', r.amountOre);
        }),
      );
      const schedule = r.schedule;
      if (schedule) {
        facts.push(
          fact(schedule.on, 6, 'schedule repayment', async () => {
            await this.send(`${r.key}: schedule`, `${repayment()}/schedule`, { scheduledFor: schedule.for, effectiveAt: at(schedule.on) });
            this.count('repayments scheduled');
          }),
        );
      }
      const issuedOn = r.issuedOn;
      if (issuedOn) {
        facts.push(
          fact(issuedOn, 7, 'issue repayment', async () => {
            await this.send(`${r.key}: issue`, `${repayment()}/issue`, { issuedOn, effectiveAt: at(issuedOn) });
            this.count('repayments issued');
          }),
        );
      }
    }
    const closure = c.closure;
    if (closure) {
      facts.push(
        fact(closure.closedOn, 9, 'close', async () => {
          await this.send(`${c.key}: close`, `${path()}/closure`, { ...closure, effectiveAt: at(closure.closedOn) });
          this.count('cases closed');
        }),
      );
    }
    return facts;
  }

  async committees(plan: DemoMunicipality): Promise<void> {
    for (const member of plan.members) {
      const { memberId } = await this.send(`member ${member.key}`, '/committee-members', { name: member.name, aliases: [...member.aliases], effectiveAt: at('2018-01-01') }, 201);
      this.ids.set(member.key, memberId);
      await this.send(`member ${member.key}: party`, `/committee-members/${memberId}/party-memberships`, { party: member.party, from: '2018-01-01', effectiveAt: at('2018-01-01') });
      this.count('committee members');
    }
    const items = [...plan.items].sort((a, b) => a.meetingDate.localeCompare(b.meetingDate) || a.committee.id.localeCompare(b.committee.id) || a.itemNumber - b.itemNumber);
    for (const item of items) await this.item(item);
    this.count('committee meetings', new Set(plan.items.map((i) => `${i.committee.id} ${i.meetingDate}`)).size);
  }

  private async item(item: DemoItem): Promise<void> {
    const effectiveAt = at(item.meetingDate);
    const { committee } = item;
    const body = {
      caseNumber: item.caseNumber,
      committee: { id: committee.id, name: committee.name, memberCount: committee.memberKeys.length },
      meetingDate: item.meetingDate,
      itemNumber: item.itemNumber,
      title: item.title,
      closed: item.closed,
      effectiveAt,
    };
    const itemId = (await this.send(`item ${item.key}: open`, '/committee-items', body, 201)).itemId as string;
    this.ids.set(item.key, itemId);
    const path = `/committee-items/${itemId}`;
    await this.send(`item ${item.key}: recommendation`, `${path}/recommendation`, {
      originators: ['Jobcenter'],
      addressee: committee.name,
      points: item.recommendation.points.map((text, i) => ({ number: i + 1, text })),
      kind: item.recommendation.kind,
      effectiveAt,
    });
    const entries = committee.memberKeys.map((key) => ({ memberId: this.id(key), status: item.absent.includes(key) ? 'ABSENT' : 'PRESENT', absenceNotice: item.absent.includes(key) }));
    await this.send(`item ${item.key}: attendance`, `${path}/attendance`, { entries, effectiveAt });
    for (const vote of item.votes) {
      await this.send(`item ${item.key}: vote`, `${path}/votes`, { memberId: this.id(vote.memberKey), vote: vote.vote, ...(vote.memberName ? { memberName: vote.memberName } : {}), effectiveAt });
      this.count('votes');
    }
    if (item.note) {
      await this.send(`item ${item.key}: protocol note`, `${path}/protocol-notes`, { text: item.note.text, memberIds: item.note.memberKeys.map((k) => this.id(k)), effectiveAt });
    }
    await this.send(`item ${item.key}: decision`, `${path}/decision`, { ...item.decision, effectiveAt });
    if (item.referral) await this.send(`item ${item.key}: referral`, `${path}/referrals`, { ...item.referral, effectiveAt });
    if (item.linkedFrom) {
      await this.send(`item ${item.key}: link`, `${path}/links`, { linkedItemId: this.id(item.linkedFrom.itemKey), relation: item.linkedFrom.relation, effectiveAt });
    }
    this.count(item.closed ? 'committee items, closed' : 'committee items');
  }

  private id(key: string): string {
    const id = this.ids.get(key);
    if (!id) throw new Error(`seed: ${key} was not created before a fact that needs it`);
    return id;
  }
}
