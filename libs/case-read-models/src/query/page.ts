import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** Which page of a read model's rows to return: `page` is 1-based. */
export interface PageRequest {
  readonly page: number;
  readonly pageSize: number;
}

/** A page of rows in the query's documented order, with the number of rows matching in all. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/** Runs a query builder that already has its filters and its total order, for one page. */
export async function fetchPage<Entity extends ObjectLiteral, View>(
  query: SelectQueryBuilder<Entity>,
  request: PageRequest,
  toView: (row: Entity) => View,
): Promise<Page<View>> {
  const [rows, total] = await query
    .offset((request.page - 1) * request.pageSize)
    .limit(request.pageSize)
    .getManyAndCount();
  return { items: rows.map(toView), page: request.page, pageSize: request.pageSize, total };
}

/** Adds an inclusive date range on `column` (either end may be absent). */
export function whereBetween<Entity extends ObjectLiteral>(
  query: SelectQueryBuilder<Entity>,
  column: string,
  from: string | undefined,
  to: string | undefined,
): SelectQueryBuilder<Entity> {
  const parameter = column.replace(/\W/g, '_');
  if (from !== undefined) query.andWhere(`${column} >= :${parameter}_from`, { [`${parameter}_from`]: from });
  if (to !== undefined) query.andWhere(`${column} <= :${parameter}_to`, { [`${parameter}_to`]: to });
  return query;
}

/**
 * A bigint column (integer øre, as node-postgres returns it: a decimal string) as a number. Sums of
 * øre stay far below 2^53 (90 billion kroner), so the conversion is exact; a larger value is an error.
 */
export function ore(value: string | number): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number)) throw new RangeError(`Amount ${value} øre is not a safe integer`);
  return number;
}

/** A timestamptz column as ISO 8601 text. */
export function instant(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}
