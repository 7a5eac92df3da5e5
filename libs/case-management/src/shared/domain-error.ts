/**
 * A refusal by a domain rule. `code` is dotted and stable (`REPAYMENT.SANCTION_NOT_IN_ERROR`);
 * `field` names the command field at fault when there is one. The API answers 422, or 404 for
 * `not_found`, or 409 for `conflict`.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly options: { readonly kind?: 'rule' | 'not_found' | 'conflict'; readonly field?: string } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get kind(): 'rule' | 'not_found' | 'conflict' {
    return this.options.kind ?? 'rule';
  }

  get field(): string | undefined {
    return this.options.field;
  }
}
