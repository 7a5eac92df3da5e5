import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ValidationTypes, getMetadataStorage } from 'class-validator';

/** Every request DTO class under apps/api/src, found by file name (`*.dto.ts`). */
function dtoClasses(dir = join(__dirname, '..')): Function[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return dtoClasses(path);
    if (!entry.name.endsWith('.dto.ts')) return [];
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return Object.values(require(path) as Record<string, unknown>).filter((value): value is Function => typeof value === 'function');
  });
}

describe('nested request DTOs', () => {
  const classes = dtoClasses();

  it('are found', () => {
    expect(classes.length).toBeGreaterThan(20);
  });

  // @ValidateNested() lets an array through where an object is expected ("committee": [] or
  // "entries": [[]]), and the handler then read fields of it: 500. @IsObject() refuses it.
  it('require an object wherever they validate a nested one, item by item for lists', () => {
    const storage = getMetadataStorage();
    const unguarded = classes.flatMap((target) => {
      const rules = storage.getTargetValidationMetadatas(target, '', true, false);
      return rules
        .filter((rule) => rule.type === ValidationTypes.NESTED_VALIDATION)
        .filter((nested) => !rules.some((rule) => rule.propertyName === nested.propertyName && rule.name === 'isObject' && Boolean(rule.each) === Boolean(nested.each)))
        .map((nested) => `${target.name}.${nested.propertyName}`);
    });
    expect(unguarded).toEqual([]);
  });
});
