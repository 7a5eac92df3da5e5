import { GetStateDiffHandler } from './get-diff/get-diff.handler';
import { GetStreamHistoryHandler } from './get-history/get-history.handler';
import { GetStateAsOfHandler } from './get-state-as-of/get-state-as-of.handler';
import { ExportStreamHandler } from './export-stream/export-stream.handler';

/** The auditors' read-only query handlers over any audited stream; the module registers them. */
export const AUDIT_HANDLERS = [GetStateAsOfHandler, GetStreamHistoryHandler, GetStateDiffHandler, ExportStreamHandler];
