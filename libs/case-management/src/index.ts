export { DomainError } from './shared/domain-error';
