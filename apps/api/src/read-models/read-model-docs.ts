import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiResponse, type SchemaObject } from '@nestjs/swagger';
import type { AppealView, CaseSummaryView, CommitteeItemView, SanctionView, TimelineEntry } from '@casetrail/case-read-models';

const PROBLEM = { description: 'RFC 9457 problem document (application/problem+json) with a dotted `code`' };

const text: SchemaObject = { type: 'string' };
const integer: SchemaObject = { type: 'integer' };
const boolean: SchemaObject = { type: 'boolean' };
const uuid: SchemaObject = { type: 'string', format: 'uuid' };
const date: SchemaObject = { type: 'string', format: 'date', description: 'yyyy-mm-dd' };
const instant: SchemaObject = { type: 'string', format: 'date-time' };
/** Money: integer øre as a JSON number (exact: every sum stays far below 2^53). */
const ore: SchemaObject = { type: 'integer', description: 'Integer øre (100 øre = 1 krone), a JSON number' };
/** Global positions exceed 2^53: decimal strings. */
const position: SchemaObject = { type: 'string', pattern: '^\\d+$', description: 'Global position, a decimal string' };
const nullable = (schema: SchemaObject): SchemaObject => ({ ...schema, nullable: true });
const texts: SchemaObject = { type: 'array', items: text };

function object<View>(properties: Record<keyof View, SchemaObject>): SchemaObject {
  return { type: 'object', properties, required: Object.keys(properties) };
}

export const CASE_SUMMARY = object<CaseSummaryView>({
  caseId: uuid,
  streamName: text,
  caseNumber: text,
  caseNumberFormat: text,
  kleSubject: nullable(text),
  citizenRef: { ...uuid, description: 'Pseudonymous citizen reference (never a CPR number)' },
  legalArea: text,
  owningUnit: text,
  status: { type: 'string', enum: ['OPEN', 'CLOSED'] },
  openedOn: date,
  closedOn: nullable(date),
  closureReason: nullable(text),
  sanctionCount: integer,
  sanctionsInError: integer,
  repaymentAssessedOre: ore,
  appealCount: integer,
  revision: integer,
  lastPosition: position,
  lastRecordedAt: instant,
});

export const TIMELINE_ENTRY = object<TimelineEntry>({
  position,
  eventId: uuid,
  streamName: text,
  revision: integer,
  eventType: text,
  actor: text,
  effectiveAt: instant,
  recordedAt: instant,
  correlationId: text,
  summary: text,
});

export const SANCTION = object<SanctionView>({
  sanctionId: uuid,
  caseId: uuid,
  caseNumber: text,
  citizenRef: uuid,
  legalArea: text,
  sanctionType: text,
  stricter: boolean,
  legalBasis: { type: 'object', properties: { law: text, paragraph: nullable(text), subsection: nullable(text), version: text } },
  breachDate: date,
  period: { type: 'object', properties: { from: date, to: date } },
  amountDeductedOre: ore,
  decidedOn: date,
  reviewOutcome: nullable({ type: 'string', enum: ['CORRECT', 'ERROR'] }),
  errorCategories: texts,
  wouldChangeOnAppeal: nullable(boolean),
  reviewedOn: nullable(date),
  discoverySources: texts,
  repaymentAssessedOre: ore,
  repaymentScheduledOre: ore,
  repaymentPaidOre: ore,
  appealOutcome: nullable(text),
  corrected: boolean,
});

export const APPEAL = object<AppealView>({
  appealId: uuid,
  caseId: uuid,
  caseNumber: text,
  legalArea: text,
  sanctionIds: { type: 'array', items: uuid },
  lodgedOn: date,
  decidedOn: nullable(date),
  outcome: nullable(text),
});

const committee: SchemaObject = { type: 'object', properties: { id: text, name: text } };

export const COMMITTEE_ITEM: SchemaObject = {
  oneOf: [
    object<CommitteeItemView>({
      itemId: uuid,
      streamName: text,
      caseNumber: text,
      committee,
      meetingDate: date,
      itemNumber: integer,
      title: text,
      closed: boolean,
      finality: { type: 'string', enum: ['PENDING', 'FINAL', 'REFERRED'] },
      outcome: nullable(text),
      tally: { type: 'object', description: 'for, against, abstain, absent, byParty' },
      minutesText: { type: 'string', description: "The item's minutes as Danish text" },
      revision: integer,
      lastPosition: position,
    }),
    {
      type: 'object',
      description: 'A closed item (lukket punkt) as a reader without a cleared role sees it: that it exists, and where',
      properties: { itemId: uuid, closed: { type: 'boolean', enum: [true] }, committee, meetingDate: date, itemNumber: integer, revision: integer },
    },
  ],
};

/** The refusals every read-model route can give, and 503 when `minPosition` is not reached in time. */
export function ApiReadModelResponses() {
  return applyDecorators(
    ApiResponse({ status: 400, ...PROBLEM, description: 'A filter, paging or minPosition is malformed; `errors` names each field' }),
    ApiResponse({ status: 401, ...PROBLEM }),
    ApiResponse({ status: 403, ...PROBLEM }),
    ApiResponse({
      status: 503,
      ...PROBLEM,
      description: 'READ_MODEL.NOT_YET_CAUGHT_UP: the read models did not reach `minPosition` in time; `Retry-After: 1`',
    }),
  );
}

/** 200 with `{ items, page, pageSize, total }`, the items in `order`. */
export function ApiPage(item: SchemaObject, order: string) {
  return applyDecorators(
    ApiOkResponse({
      description: `One page, ordered by ${order}; total counts every matching row`,
      schema: object<{ items: unknown; page: unknown; pageSize: unknown; total: unknown }>({
        items: { type: 'array', items: item },
        page: { type: 'integer', minimum: 1 },
        pageSize: { type: 'integer', minimum: 1, maximum: 500 },
        total: { type: 'integer', minimum: 0 },
      }),
    }),
    ApiReadModelResponses(),
  );
}

/** text/plain Danish minutes, or with ?format=json the items and the same text. */
export function ApiMinutes() {
  return applyDecorators(
    ApiProduces('text/plain', 'application/json'),
    ApiOkResponse({
      description: 'text/plain; charset=utf-8 by default; with ?format=json: { committee, meetingDate, items, text }',
      content: {
        'text/plain': { schema: { type: 'string', example: 'Beskæftigelsesudvalget – møde 14.01.2025\n\n1. …\n\n2. Lukket punkt' } },
        'application/json': {
          schema: { type: 'object', properties: { committee, meetingDate: date, items: { type: 'array', items: COMMITTEE_ITEM }, text } },
        },
      },
    }),
    ApiResponse({ status: 404, ...PROBLEM, description: 'MEETING.NOT_FOUND: no item of that committee is on that date' }),
    ApiReadModelResponses(),
  );
}
