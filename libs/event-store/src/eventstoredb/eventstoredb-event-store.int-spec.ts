import { describeEventStoreContract } from '../contract/event-store.contract';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

if (!connectionString) {
  process.stdout.write(
    'SKIPPED: EventStoreDB contract suite: EVENTSTORE_CONNECTION_STRING is not set, so there is no server to run it against ' +
      '(set it, e.g. esdb://localhost:2113?tls=false, to run it)\n',
  );
}

describeEventStoreContract(
  'EventStoreDB',
  async () => {
    const store = await EventStoreDbEventStore.create(connectionString as string);
    return { store, teardown: () => store.close() };
  },
  { skip: !connectionString },
);
