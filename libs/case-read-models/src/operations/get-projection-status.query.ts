import { Query } from '@nestjs/cqrs';

/** Where one projection stands, for operators. */
export interface ProjectionStatus {
  readonly name: string;
  /** The checkpoint: the global position (decimal string) the projection has read the log through. */
  readonly position: string;
  readonly eventsApplied: number;
  /** When the checkpoint last moved; null before the projection's first batch. */
  readonly updatedAt: string | null;
  /**
   * Events of the projection's streams stored after the checkpoint, counted in event_store.events
   * (exact: a position is (tx_id << 64) | seq). Null when the events live in EventStoreDB.
   */
  readonly lag: number | null;
  /** Events parked and not yet released: while there is one, the projection does not move on. */
  readonly parked: number;
}

/** Every projection this build knows, in the order of PROJECTIONS. */
export class GetProjectionStatusQuery extends Query<ProjectionStatus[]> {}
