import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@casetrail/event-store';
import { loadAggregate, type AggregateView } from '../../shared/queries/load-aggregate';
import { committeeMember, committeeMemberStream, type CommitteeMemberState } from '../committee-member.state';
import { GetCommitteeMemberQuery } from './get-member.query';

@QueryHandler(GetCommitteeMemberQuery)
export class GetCommitteeMemberHandler implements IQueryHandler<GetCommitteeMemberQuery, AggregateView<CommitteeMemberState>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(query: GetCommitteeMemberQuery): Promise<AggregateView<CommitteeMemberState>> {
    return loadAggregate(this.store, committeeMemberStream(query.memberId), committeeMember, 'MEMBER.NOT_FOUND');
  }
}
