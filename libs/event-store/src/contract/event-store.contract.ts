import { randomUUID } from 'node:crypto';
import { WrongExpectedRevisionError } from '../event-store.errors';
import type {
  EventStore,
  EventToAppend,
  RecordedEvent,
  Subscription,
  SubscriptionMessage,
} from '../event-store.port';

export interface ContractSubject {
  readonly store: EventStore;
  /**
   * Appends inside a transaction that stays open until `commit()`. Only adapters whose appends can
   * be held open (PostgreSQL) provide it; the slow-transaction case is then run against them.
   */
  readonly holdAppend?: (streamName: string, events: EventToAppend[]) => Promise<{ commit(): Promise<void> }>;
  teardown(): Promise<void>;
}

const WAIT_MS = 15_000;

/** Builds an event with complete metadata; ids are fresh UUIDs unless given. */
export function contractEvent(type: string, data: unknown, id: string = randomUUID()): EventToAppend {
  return {
    id,
    type,
    data,
    metadata: {
      correlationId: randomUUID(),
      causationId: null,
      actor: 'contract-test',
      recordedAt: new Date().toISOString(),
      schemaVersion: 1,
    },
  };
}

/** Reads messages until `done` says enough, failing if that takes longer than WAIT_MS. */
export async function readUntil(
  iterator: AsyncIterator<SubscriptionMessage>,
  done: (received: SubscriptionMessage[]) => boolean,
): Promise<SubscriptionMessage[]> {
  const received: SubscriptionMessage[] = [];
  const deadline = Date.now() + WAIT_MS;
  while (!done(received)) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new Error(`subscription: condition not met after ${WAIT_MS} ms (${received.length} messages)`);
    let timer: NodeJS.Timeout | undefined;
    const next = await Promise.race([
      iterator.next(),
      new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), remaining))),
    ]);
    clearTimeout(timer);
    if (next === 'timeout') continue;
    if (next.done) throw new Error('subscription ended early');
    received.push(next.value);
  }
  return received;
}

/** Reads until `done` holds (bounded), for reads of the global log that wait on older transactions. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const eventsOf = (messages: SubscriptionMessage[]): RecordedEvent[] =>
  messages.flatMap((m) => (m.kind === 'event' ? [m.event] : []));

/**
 * The behaviour every event-store adapter must show. Each test writes to streams under its own
 * random prefix, so the suite also runs against a shared server whose global log holds other data.
 */
export function describeEventStoreContract(
  adapterName: string,
  setup: () => Promise<ContractSubject>,
  options: { skip?: boolean } = {},
): void {
  const suite = options.skip ? describe.skip : describe;
  suite(`event store contract: ${adapterName}`, () => {
    let subject: ContractSubject;
    let store: EventStore;
    let prefix: string;
    const stream = (name: string): string => `${prefix}${name}`;
    const subscriptions: Subscription[] = [];
    const subscribe = (after = 0n): AsyncIterator<SubscriptionMessage> => {
      const subscription = store.subscribeToAll({ after, filter: { streamPrefixes: [prefix] }, batchSize: 50 });
      subscriptions.push(subscription);
      return subscription[Symbol.asyncIterator]();
    };

    beforeAll(async () => {
      subject = await setup();
      store = subject.store;
    });
    afterAll(async () => {
      await subject.teardown();
    });
    beforeEach(() => {
      prefix = `ct${randomUUID().slice(0, 8)}-`;
    });
    afterEach(async () => {
      await Promise.all(subscriptions.splice(0).map((s) => s.close()));
    });

    describe('append', () => {
      it('creates a stream at revision 0 and reads back exactly what was written', async () => {
        const events = [contractEvent('CaseOpened', { caseNumber: '24-1-15.20.00-P27' }), contractEvent('CaseClosed', { reason: 'DONE', amount: 12345 })];
        const result = await store.appendToStream(stream('a'), events, { expectedRevision: 'no_stream' });
        expect(result.nextRevision).toBe(1);
        const read = await store.readStream(stream('a'));
        expect(read.map((e) => [e.id, e.type, e.data, e.revision, e.streamName])).toEqual([
          [events[0].id, 'CaseOpened', { caseNumber: '24-1-15.20.00-P27' }, 0, stream('a')],
          [events[1].id, 'CaseClosed', { reason: 'DONE', amount: 12345 }, 1, stream('a')],
        ]);
        expect(read[0].metadata).toEqual(events[0].metadata);
        expect(read[1].position).toBe(result.position);
        expect(read[0].position < read[1].position).toBe(true);
      });

      it('returns increasing global positions across streams', async () => {
        const first = await store.appendToStream(stream('x'), [contractEvent('A', {})]);
        const second = await store.appendToStream(stream('y'), [contractEvent('B', {})]);
        expect(second.position > first.position).toBe(true);
      });

      it('refuses no_stream on an existing stream, naming stream, expected and actual', async () => {
        await store.appendToStream(stream('s'), [contractEvent('A', {}), contractEvent('B', {})]);
        const error = await store
          .appendToStream(stream('s'), [contractEvent('C', {})], { expectedRevision: 'no_stream' })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ streamName: stream('s'), expected: 'no_stream', actual: 1 });
        expect((error as Error).message).toContain(stream('s'));
      });

      it('refuses a stale exact revision and a missing stream for stream_exists', async () => {
        await store.appendToStream(stream('s'), [contractEvent('A', {}), contractEvent('B', {})]);
        await expect(
          store.appendToStream(stream('s'), [contractEvent('C', {})], { expectedRevision: 0 }),
        ).rejects.toMatchObject({ expected: 0, actual: 1 });
        await expect(
          store.appendToStream(stream('s'), [contractEvent('C', {})], { expectedRevision: 5 }),
        ).rejects.toMatchObject({ expected: 5, actual: 1 });
        await expect(
          store.appendToStream(stream('missing'), [contractEvent('C', {})], { expectedRevision: 'stream_exists' }),
        ).rejects.toMatchObject({ streamName: stream('missing'), expected: 'stream_exists', actual: 'no_stream' });
        await expect(
          store.appendToStream(stream('missing'), [contractEvent('C', {})], { expectedRevision: 0 }),
        ).rejects.toMatchObject({ expected: 0, actual: 'no_stream' });
        expect(await store.readStream(stream('s'))).toHaveLength(2);
        expect(await store.readStream(stream('missing'))).toEqual([]);
      });

      it('accepts the exact revision, stream_exists and any', async () => {
        await store.appendToStream(stream('s'), [contractEvent('A', {})], { expectedRevision: 'no_stream' });
        expect((await store.appendToStream(stream('s'), [contractEvent('B', {})], { expectedRevision: 0 })).nextRevision).toBe(1);
        expect((await store.appendToStream(stream('s'), [contractEvent('C', {})], { expectedRevision: 'stream_exists' })).nextRevision).toBe(2);
        expect((await store.appendToStream(stream('s'), [contractEvent('D', {})], { expectedRevision: 'any' })).nextRevision).toBe(3);
        expect((await store.readStream(stream('s'))).map((e) => e.type)).toEqual(['A', 'B', 'C', 'D']);
      });

      it('lets exactly one of 32 concurrent appends with the same expected revision succeed', async () => {
        await store.appendToStream(stream('hot'), [contractEvent('Seed', {})], { expectedRevision: 'no_stream' });
        const attempts = Array.from({ length: 32 }, (_, i) => contractEvent('Attempt', { i }));
        const outcomes = await Promise.allSettled(
          attempts.map((event) => store.appendToStream(stream('hot'), [event], { expectedRevision: 0 })),
        );
        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(31);
        for (const failure of lost) {
          expect(failure.reason).toBeInstanceOf(WrongExpectedRevisionError);
          expect(failure.reason).toMatchObject({ expected: 0, actual: 1 });
        }
        const stored = await store.readStream(stream('hot'));
        expect(stored.map((e) => e.revision)).toEqual([0, 1]);
        const winner = attempts[outcomes.findIndex((o) => o.status === 'fulfilled')];
        expect(stored[1].id).toBe(winner.id);
      });

      it('lands every one of many concurrent appends with `any` on one stream, each at its own revision', async () => {
        const events = Array.from({ length: 40 }, (_, n) => contractEvent('Any', { n }));
        const results = await Promise.all(events.map((e) => store.appendToStream(stream('any'), [e], { expectedRevision: 'any' })));
        expect(results.map((r) => r.nextRevision).sort((a, b) => a - b)).toEqual(events.map((_, n) => n));
        const stored = await store.readStream(stream('any'));
        expect(stored.map((e) => e.revision)).toEqual(events.map((_, n) => n));
        expect(new Set(stored.map((e) => e.id))).toEqual(new Set(events.map((e) => e.id)));
      });

      it('treats a re-sent append as done without storing it twice', async () => {
        const events = [contractEvent('A', { n: 1 }), contractEvent('B', { n: 2 })];
        const first = await store.appendToStream(stream('i'), events, { expectedRevision: 'no_stream' });
        const again = await store.appendToStream(stream('i'), events, { expectedRevision: 'no_stream' });
        expect(again).toEqual(first);
        const third = await store.appendToStream(stream('i'), [contractEvent('C', {})], { expectedRevision: 1 });
        const resent = await store.appendToStream(stream('i'), [events[1]], { expectedRevision: 0 });
        expect(resent.nextRevision).toBe(1);
        expect((await store.readStream(stream('i'))).map((e) => e.type)).toEqual(['A', 'B', 'C']);
        expect(third.nextRevision).toBe(2);
      });

      it('stores and returns 1 MB of event data intact', async () => {
        const text = 'æøå-§40a-'.repeat(Math.ceil(1_048_576 / 10)).slice(0, 1_048_576);
        const event = contractEvent('LargeDocumentAttached', { text, items: [1, 2, 3] });
        await store.appendToStream(stream('big'), [event]);
        const [read] = await store.readStream(stream('big'));
        expect((read.data as { text: string }).text).toBe(text);
        expect(Buffer.byteLength(JSON.stringify(read.data))).toBeGreaterThan(1_048_576);
      });

      it('refuses malformed appends before touching the store', async () => {
        await expect(store.appendToStream(stream('bad'), [])).rejects.toMatchObject({ code: 'EVENT_STORE.INVALID_APPEND' });
        await expect(store.appendToStream('has space', [contractEvent('A', {})])).rejects.toMatchObject({ code: 'EVENT_STORE.INVALID_APPEND' });
        await expect(store.appendToStream(stream('bad'), [contractEvent('A', {}, 'not-a-uuid')])).rejects.toMatchObject({ code: 'EVENT_STORE.INVALID_APPEND' });
        expect(await store.readStream(stream('bad'))).toEqual([]);
      });
    });

    describe('read a stream', () => {
      const fill = async (name: string, count: number): Promise<void> => {
        await store.appendToStream(stream(name), Array.from({ length: count }, (_, n) => contractEvent('Step', { n })));
      };
      const ns = (events: RecordedEvent[]): number[] => events.map((e) => (e.data as { n: number }).n);

      it('reads forwards from the middle with a limit', async () => {
        await fill('r', 10);
        expect(ns(await store.readStream(stream('r'), { fromRevision: 4, maxCount: 3 }))).toEqual([4, 5, 6]);
        expect(ns(await store.readStream(stream('r'), { fromRevision: 8 }))).toEqual([8, 9]);
        expect(await store.readStream(stream('r'), { fromRevision: 10 })).toEqual([]);
      });

      it('reads backwards from the end and from a revision', async () => {
        await fill('r', 10);
        expect(ns(await store.readStream(stream('r'), { direction: 'backwards', maxCount: 3 }))).toEqual([9, 8, 7]);
        expect(ns(await store.readStream(stream('r'), { direction: 'backwards', fromRevision: 2 }))).toEqual([2, 1, 0]);
      });

      it('reads an unknown stream as empty in both directions', async () => {
        expect(await store.readStream(stream('none'))).toEqual([]);
        expect(await store.readStream(stream('none'), { direction: 'backwards' })).toEqual([]);
      });
    });

    describe('read the global log', () => {
      it('pages in global order and filters by event type and stream prefix', async () => {
        await store.appendToStream(stream('case-1'), [contractEvent('CaseOpened', { n: 1 }), contractEvent('VoteCast', { n: 2 })]);
        await store.appendToStream(stream('item-1'), [contractEvent('VoteCast', { n: 3 })]);
        await store.appendToStream(stream('case-2'), [contractEvent('CaseOpened', { n: 4 })]);

        // The global log shows events once every older transaction has ended, anywhere on the server.
        const mine = await eventually(() => readAllMatching({ streamPrefixes: [prefix] }), (events) => events.length === 4);
        expect(mine.map((e) => (e.data as { n: number }).n)).toEqual([1, 2, 3, 4]);
        const votes = await readAllMatching({ streamPrefixes: [prefix], eventTypes: ['VoteCast'] });
        expect(votes.map((e) => e.streamName)).toEqual([stream('case-1'), stream('item-1')]);
        const cases = await readAllMatching({ streamPrefixes: [stream('case-')] });
        expect(cases.map((e) => (e.data as { n: number }).n)).toEqual([1, 2, 4]);

        const page = await store.readAll({ after: mine[1].position, maxCount: 1, filter: { streamPrefixes: [prefix] } });
        expect(page.events.map((e) => e.id)).toEqual([mine[2].id]);
      });

      async function readAllMatching(filter: { streamPrefixes?: string[]; eventTypes?: string[] }): Promise<RecordedEvent[]> {
        const found: RecordedEvent[] = [];
        let after = 0n;
        for (;;) {
          const page = await store.readAll({ after, maxCount: 2, filter });
          found.push(...page.events);
          if (page.isEnd) return found;
          expect(page.lastPosition > after).toBe(true);
          after = page.lastPosition;
        }
      }
    });

    describe('subscribe to the global log', () => {
      it('delivers history in order, says it caught up, then follows live writes', async () => {
        await store.appendToStream(stream('a'), [contractEvent('A1', {}), contractEvent('A2', {})]);
        await store.appendToStream(stream('b'), [contractEvent('B1', {})]);
        const iterator = subscribe();
        const history = await readUntil(iterator, (m) => m.some((x) => x.kind === 'caught-up'));
        expect(history.map((m) => (m.kind === 'event' ? m.event.type : m.kind))).toEqual(['A1', 'A2', 'B1', 'caught-up']);

        await store.appendToStream(stream('c'), [contractEvent('C1', {})]);
        const live = await readUntil(iterator, (m) => eventsOf(m).length === 1);
        expect(eventsOf(live).map((e) => e.type)).toEqual(['C1']);
      });

      it('restarted from a checkpoint continues with the next event', async () => {
        for (const type of ['E1', 'E2', 'E3', 'E4']) await store.appendToStream(stream('r'), [contractEvent(type, {})]);
        const first = eventsOf(await readUntil(subscribe(), (m) => eventsOf(m).length === 2));
        const checkpoint = first[1].position;
        await Promise.all(subscriptions.splice(0).map((s) => s.close()));
        const resumed = eventsOf(await readUntil(subscribe(checkpoint), (m) => m.some((x) => x.kind === 'caught-up')));
        expect(resumed.map((e) => e.type)).toEqual(['E3', 'E4']);
      });

      it('delivers every one of many concurrent appends exactly once, in increasing position', async () => {
        const iterator = subscribe();
        await readUntil(iterator, (m) => m.some((x) => x.kind === 'caught-up'));
        const writes = Array.from({ length: 200 }, (_, n) => ({ name: stream(`w${n % 20}`), event: contractEvent('Written', { n }) }));
        await Promise.all(writes.map((w) => store.appendToStream(w.name, [w.event])));
        const received = eventsOf(await readUntil(iterator, (m) => eventsOf(m).length >= 200));
        expect(new Set(received.map((e) => e.id)).size).toBe(200);
        expect(received.map((e) => e.id).sort()).toEqual(writes.map((w) => w.event.id).sort());
        for (let i = 1; i < received.length; i++) expect(received[i].position > received[i - 1].position).toBe(true);
      });

      it('does not skip a slow transaction that holds an earlier position', async () => {
        if (!subject.holdAppend) {
          process.stdout.write(`[${adapterName}] slow-transaction case not applicable: appends commit atomically in server order\n`);
          return;
        }
        const iterator = subscribe();
        const before = await readUntil(iterator, (m) => m.some((x) => x.kind === 'caught-up'));
        expect(eventsOf(before)).toEqual([]);

        const slow = contractEvent('SlowWrite', {});
        const held = await subject.holdAppend(stream('slow'), [slow]);
        const fast = contractEvent('FastWrite', {});
        await store.appendToStream(stream('fast'), [fast]);

        expect((await store.readStream(stream('fast'))).map((e) => e.id)).toEqual([fast.id]);
        const visible = await store.readAll({ filter: { streamPrefixes: [prefix] } });
        expect(visible.events).toEqual([]);

        await held.commit();
        const received = eventsOf(await readUntil(iterator, (m) => eventsOf(m).length >= 2));
        expect(received.map((e) => e.id)).toEqual([slow.id, fast.id]);
        expect(received[0].position < received[1].position).toBe(true);
        const after = await eventually(() => store.readAll({ filter: { streamPrefixes: [prefix] } }), (page) => page.events.length === 2);
        expect(after.events.map((e) => e.id)).toEqual([slow.id, fast.id]);
      });
    });
  });
}
