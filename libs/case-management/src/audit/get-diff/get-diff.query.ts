import type { DiffTime } from '../as-of-view';

/** What changed in an audited stream between two moments, on recorded or effective time. */
export class GetStateDiffQuery {
  constructor(
    readonly streamName: string,
    readonly request: { readonly time: DiffTime; readonly from: string; readonly to: string },
  ) {}
}
