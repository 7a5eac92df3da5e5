import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

export interface FieldProblem {
  readonly field: string;
  readonly code: string;
  readonly detail: string;
}

/**
 * class-validator on every body and query: unknown properties are refused, and the refusal lists
 * each field at fault (dotted path) with the rule it broke.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const problems = flatten(errors);
      return new BadRequestException({
        code: 'REQUEST.VALIDATION_FAILED',
        detail: problems.map((p) => p.detail).join('; '),
        errors: problems,
      });
    },
  });
}

function flatten(errors: readonly ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      code: `VALIDATION.${rule.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}`,
      detail: rule === 'whitelistValidation' ? `${field} is not a known property` : message,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
