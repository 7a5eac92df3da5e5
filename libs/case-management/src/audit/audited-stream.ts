import type { Aggregate, DomainEvent, EventStore, RecordedEvent } from '@casetrail/event-store';
import { CITIZEN_CASE_STREAM_PREFIX, citizenCase } from '../citizen-case/citizen-case.state';
import { COMMITTEE_ITEM_STREAM_PREFIX, committeeItem } from '../committee-item/committee-item.state';
import { COMMITTEE_MEMBER_STREAM_PREFIX, committeeMember } from '../committee-member/committee-member.state';
import { INQUIRY_STREAM_PREFIX, inquiry } from '../inquiry/inquiry.state';
import { DomainError } from '../shared/domain-error';

/** The kinds of stream an auditor may replay, each with the fold its write side uses. */
const KINDS: readonly { readonly prefix: string; readonly aggregate: Aggregate<unknown, DomainEvent> }[] = [
  { prefix: CITIZEN_CASE_STREAM_PREFIX, aggregate: citizenCase as Aggregate<unknown, DomainEvent> },
  { prefix: COMMITTEE_ITEM_STREAM_PREFIX, aggregate: committeeItem as Aggregate<unknown, DomainEvent> },
  { prefix: COMMITTEE_MEMBER_STREAM_PREFIX, aggregate: committeeMember as Aggregate<unknown, DomainEvent> },
  { prefix: INQUIRY_STREAM_PREFIX, aggregate: inquiry as Aggregate<unknown, DomainEvent> },
];

/** The stream name prefixes auditors may read: `citizen-case-`, `committee-item-`, `committee-member-`, `inquiry-`. */
export const AUDITED_STREAM_PREFIXES: readonly string[] = KINDS.map((kind) => kind.prefix);

/** The aggregate whose events a stream holds, by its name's prefix; 404 STREAM.UNKNOWN_KIND otherwise. */
export function aggregateOfStream(streamName: string): Aggregate<unknown, DomainEvent> {
  const kind = KINDS.find((k) => streamName.startsWith(k.prefix) && streamName.length > k.prefix.length);
  if (!kind) throw new DomainError('STREAM.UNKNOWN_KIND', `${streamName} is not a case, committee item, member or inquiry stream`, { kind: 'not_found' });
  return kind.aggregate;
}

/** A stream's whole history, refusing unknown kinds and empty streams (404 STREAM.NOT_FOUND). */
export async function readAuditedStream(store: EventStore, streamName: string): Promise<{ aggregate: Aggregate<unknown, DomainEvent>; history: RecordedEvent[] }> {
  const aggregate = aggregateOfStream(streamName);
  const history = await store.readStream(streamName);
  if (history.length === 0) throw streamNotFound(streamName);
  return { aggregate, history };
}

export function streamNotFound(streamName: string): DomainError {
  return new DomainError('STREAM.NOT_FOUND', `Nothing is recorded under ${streamName}`, { kind: 'not_found' });
}
