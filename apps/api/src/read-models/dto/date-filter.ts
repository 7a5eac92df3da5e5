import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Length, registerDecorator, type ValidationArguments } from 'class-validator';

/** An optional calendar-date filter (yyyy-mm-dd, a real date); `notBefore` names the range's other end. */
export function DateFilter(description: string, notBefore?: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ example: '2023-08-29', description: `${description} (yyyy-mm-dd)` }),
    IsOptional(),
    IsISO8601({ strict: true }, { message: ({ property }) => `${property} must be a date, yyyy-mm-dd` }),
    Length(10, 10, { message: ({ property }) => `${property} must be a date, yyyy-mm-dd` }),
    ...(notBefore ? [NotBefore(notBefore)] : []),
  );
}

/** The range's end must not lie before its start (both yyyy-mm-dd, so text order is date order). */
function NotBefore(startProperty: string): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'notBefore',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [startProperty],
      options: { message: ({ property, constraints }: ValidationArguments) => `${property} must not be before ${constraints[0]}` },
      validator: {
        validate(value: unknown, args: ValidationArguments): boolean {
          const start = (args.object as Record<string, unknown>)[args.constraints[0] as string];
          return typeof value !== 'string' || typeof start !== 'string' || value >= start;
        },
      },
    });
}
