/** This aggregate's public surface, re-exported by the lib's index.ts. */
export * from './catalogue/case-catalogues';
export { SANCTION_TYPES, findSanctionType, isValidOn } from './catalogue/sanction-types';
export type { SanctionType } from './catalogue/sanction-types';
export type * from './citizen-case.events';
export { citizenCase, citizenCaseStream, CITIZEN_CASE_STREAM_PREFIX } from './citizen-case.state';
export type { CitizenCaseState, Sanction, SanctionReview, Repayment, Appeal } from './citizen-case.state';
export { OpenCaseCommand } from './open-case/open-case.command';
export { GetCitizenCaseQuery } from './get-case/get-case.query';
