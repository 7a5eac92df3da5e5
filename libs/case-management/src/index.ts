export { DomainError } from './shared/domain-error';
export { parseCaseNumber } from './shared/case-number/case-number';
export type { CaseNumber, CaseNumberFormat, KleCode } from './shared/case-number/case-number';
export { danishDate } from './shared/dates';
export type { AggregateView } from './shared/queries/load-aggregate';
export { CaseManagementModule } from './case-management.module';

export * from './citizen-case/catalogue/case-catalogues';
export { SANCTION_TYPES, findSanctionType, isValidOn } from './citizen-case/catalogue/sanction-types';
export type { SanctionType } from './citizen-case/catalogue/sanction-types';
export type * from './citizen-case/citizen-case.events';
export { citizenCase, citizenCaseStream, CITIZEN_CASE_STREAM_PREFIX } from './citizen-case/citizen-case.state';
export type { CitizenCaseState, Sanction, SanctionReview, Repayment, Appeal } from './citizen-case/citizen-case.state';
export { OpenCaseCommand } from './citizen-case/open-case/open-case.command';
export { GetCitizenCaseQuery } from './citizen-case/get-case/get-case.query';
