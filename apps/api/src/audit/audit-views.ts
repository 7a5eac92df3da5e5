import { BadRequestException } from '@nestjs/common';
import type { AuditParamProblem, HistoryEntry, Parsed, StateDiff, StreamHistory } from '@casetrail/case-management';
import { summarise } from '@casetrail/case-read-models';

/** A timeline entry as answered: the event's facts replaced by the audit trail's one-line summary. */
export type HistoryLine = Omit<HistoryEntry, 'data'> & { readonly summary: string };

export function historyLine({ data, ...entry }: HistoryEntry): HistoryLine {
  return { ...entry, summary: summarise({ type: entry.type, data }) };
}

export function historyView(history: StreamHistory): Omit<StreamHistory, 'events'> & { readonly events: readonly HistoryLine[] } {
  return { ...history, events: history.events.map(historyLine) };
}

export function diffView(diff: StateDiff): Omit<StateDiff, 'events'> & { readonly events: readonly HistoryLine[] } {
  return { ...diff, events: diff.events.map(historyLine) };
}

/** The parsed parameters, or a 400 naming each one at fault. */
export function requireValid<Value>(parsed: Parsed<Value>): Value {
  if (parsed.ok) return parsed.value;
  throw badRequest(parsed.problems);
}

function badRequest(problems: readonly AuditParamProblem[]): BadRequestException {
  const single = problems.length === 1 ? problems[0] : undefined;
  return new BadRequestException({
    code: single?.code ?? 'REQUEST.VALIDATION_FAILED',
    detail: problems.map((p) => p.detail).join('; '),
    ...(single ? { field: single.field } : {}),
    errors: problems,
  });
}
