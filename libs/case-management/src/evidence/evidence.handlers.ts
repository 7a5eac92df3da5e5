import { GetComparatorHandler } from './get-comparator/get-comparator.handler';
import { GetExtractHandler } from './get-extract/get-extract.handler';
import { ImportComparatorHandler } from './import-comparator/import-comparator.handler';
import { ImportExtractHandler } from './import-extract/import-extract.handler';

/** Every command and query handler of imported evidence; the module registers them. */
export const EVIDENCE_HANDLERS = [ImportExtractHandler, GetExtractHandler, ImportComparatorHandler, GetComparatorHandler];
