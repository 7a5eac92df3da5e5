import type { Aggregate } from '@casetrail/event-store';
import type { ComparatorEvent, ComparatorImported, ExtractEvent, ExtractImported } from './evidence.events';

export interface ExtractState {
  readonly status: 'NONE' | 'IMPORTED';
  readonly extract: ExtractImported['data'] | null;
}

export interface ComparatorState {
  readonly status: 'NONE' | 'IMPORTED';
  readonly comparator: ComparatorImported['data'] | null;
}

/** The extract's fold: one event, the import. */
export const importedExtract: Aggregate<ExtractState, ExtractEvent> = {
  initialState: () => ({ status: 'NONE', extract: null }),
  evolve: (state, event) => (event.type === 'ExtractImported' ? { status: 'IMPORTED', extract: event.data } : state),
};

/** The comparator's fold: one event, the import. */
export const importedComparator: Aggregate<ComparatorState, ComparatorEvent> = {
  initialState: () => ({ status: 'NONE', comparator: null }),
  evolve: (state, event) => (event.type === 'ComparatorImported' ? { status: 'IMPORTED', comparator: event.data } : state),
};

export const EXTRACT_STREAM_PREFIX = 'evidence-extract-';
export const COMPARATOR_STREAM_PREFIX = 'evidence-comparator-';

export function extractStream(extractId: string): string {
  return `${EXTRACT_STREAM_PREFIX}${extractId}`;
}

export function comparatorStream(comparatorId: string): string {
  return `${COMPARATOR_STREAM_PREFIX}${comparatorId}`;
}
