import type { AsOfView } from '../as-of-view';

/** The state of any audited stream as of a revision, a recorded time or an effective time. */
export class GetStateAsOfQuery {
  constructor(
    readonly streamName: string,
    readonly view: AsOfView,
  ) {}
}
