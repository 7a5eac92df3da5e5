import { BadRequestException, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';

export interface FieldProblem {
  readonly field: string;
  readonly code: string;
  readonly detail: string;
}

/** Where @nestjs/swagger keeps a DTO property's documented schema (`nullable` among it). */
const API_MODEL_PROPERTY = 'swagger/apiModelProperties';

/**
 * class-validator on every body and query: unknown properties are refused, and the refusal lists
 * each field at fault (dotted path) with the rule it broke. A body field may be null only where its
 * documented schema says `nullable`: `@IsOptional()` lets null through, and the handlers and
 * deciders behind an optional field expect it absent, not null (they answered 500).
 */
export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
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

class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const result: unknown = await super.transform(value, metadata);
    if (metadata.type !== 'body') return result;
    const problems = nullsNotDocumented(result);
    if (problems.length > 0) {
      throw new BadRequestException({ code: 'REQUEST.VALIDATION_FAILED', detail: problems.map((p) => p.detail).join('; '), errors: problems });
    }
    return result;
  }
}

/** The null fields of a validated DTO (nested DTOs and lists of them included) not documented as nullable. */
function nullsNotDocumented(value: unknown, parent = ''): FieldProblem[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => nullsNotDocumented(item, parent ? `${parent}.${index}` : String(index)));
  if (value === null || typeof value !== 'object') return [];
  const prototype: object | null = Object.getPrototypeOf(value);
  if (prototype === null || prototype === Object.prototype) return [];
  return Object.entries(value).flatMap(([property, item]) => {
    const field = parent ? `${parent}.${property}` : property;
    if (item !== null) return nullsNotDocumented(item, field);
    const documented = Reflect.getMetadata(API_MODEL_PROPERTY, prototype, property) as { nullable?: boolean } | undefined;
    return documented?.nullable === true ? [] : [{ field, code: 'VALIDATION.NOT_NULL', detail: `${field} must not be null; leave it out instead` }];
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
