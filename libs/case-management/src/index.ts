export { DomainError } from './shared/domain-error';
export { parseCaseNumber } from './shared/case-number/case-number';
export type { CaseNumber, CaseNumberFormat, KleCode } from './shared/case-number/case-number';
export { danishDate } from './shared/dates';
export type { AggregateView } from './shared/queries/load-aggregate';
export { CaseManagementModule } from './case-management.module';

export * from './citizen-case/citizen-case.public';
export * from './citizen/citizen.public';
export * from './committee-item/committee-item.public';
export * from './committee-member/committee-member.public';
export * from './inquiry/inquiry.public';
export * from './audit/audit.public';
export * from './evidence/evidence.public';
