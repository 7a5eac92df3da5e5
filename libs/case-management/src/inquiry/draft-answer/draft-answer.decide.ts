import { effectiveDate, requireIsoDate } from '../../shared/dates';
import { DomainError } from '../../shared/domain-error';
import type { AnswerReport, InquiryAnswerDrafted } from '../inquiry.events';
import { requireUnanswered } from '../inquiry.rules';
import type { InquiryState } from '../inquiry.state';
import type { DraftAnswerCommand } from './draft-answer.command';

const POSITION = /^\d{1,40}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const MAX_NOTE = 2000;

/** A draft answer carries a whole report: its JSON, its parameters, the position and the cutoff it was computed at. */
export function draftAnswer(command: DraftAnswerCommand, state: InquiryState): InquiryAnswerDrafted[] {
  requireUnanswered(state);
  const { draftId } = command.payload;
  if (state.drafts[draftId]) throw new DomainError('INQUIRY.DRAFT_EXISTS', `Draft ${draftId} is already recorded`, { kind: 'conflict', field: 'draftId' });
  const report = requireReport(command.payload.report);
  const note = command.payload.note?.trim() || null;
  if (note !== null && note.length > MAX_NOTE) throw new DomainError('INQUIRY.NOTE_TOO_LONG', `A note has at most ${MAX_NOTE} characters`, { field: 'note' });
  const draftedOn = command.payload.draftedOn === undefined ? effectiveDate(command.context) : requireIsoDate(command.payload.draftedOn, 'draftedOn');
  return [{ type: 'InquiryAnswerDrafted', data: { inquiryId: command.inquiryId, draftId, report, note, draftedOn } }];
}

function requireReport(report: AnswerReport): AnswerReport {
  const isObject = (value: unknown) => value !== null && typeof value === 'object' && !Array.isArray(value);
  const valid =
    typeof report?.kind === 'string' &&
    report.kind.trim() !== '' &&
    POSITION.test(report.position) &&
    INSTANT.test(report.recordedCutoff) &&
    !Number.isNaN(Date.parse(report.recordedCutoff)) &&
    isObject(report.parameters) &&
    isObject(report.report);
  if (!valid) {
    throw new DomainError('INQUIRY.REPORT_INCOMPLETE', 'A draft needs the report with its kind, parameters, position and recorded-time cutoff', { field: 'report' });
  }
  const { kind, parameters, position, recordedCutoff } = report;
  return { kind, parameters, position, recordedCutoff, report: report.report };
}
