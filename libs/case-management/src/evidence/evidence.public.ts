/** Imported evidence's public surface, re-exported by the lib's index.ts. */
export type * from './evidence.events';
export {
  importedExtract,
  importedComparator,
  extractStream,
  comparatorStream,
  EXTRACT_STREAM_PREFIX,
  COMPARATOR_STREAM_PREFIX,
} from './evidence.state';
export type { ExtractState, ComparatorState } from './evidence.state';
export { documentDigest, extractIdOf } from './extract-id';
export { ImportExtractCommand } from './import-extract/import-extract.command';
export { ImportComparatorCommand } from './import-comparator/import-comparator.command';
export { GetExtractQuery } from './get-extract/get-extract.query';
export { GetComparatorQuery } from './get-comparator/get-comparator.query';
