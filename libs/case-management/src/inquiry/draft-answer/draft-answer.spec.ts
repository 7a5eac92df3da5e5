import { given } from '@casetrail/testing';
import { answered, context, drafted, received, report } from '../inquiry.fixtures';
import { inquiry } from '../inquiry.state';
import { DraftAnswerCommand } from './draft-answer.command';
import { draftAnswer } from './draft-answer.decide';

type Payload = DraftAnswerCommand['payload'];
const command = (payload: Partial<Payload> = {}) => new DraftAnswerCommand('inquiry-1', { draftId: 'draft-2', report, ...payload }, context);
const withReport = (changes: Record<string, unknown>) => command({ report: { ...report, ...changes } as Payload['report'] });

describe('draft an answer', () => {
  it('records the report with its parameters, position and cutoff, dated on the effective date in Denmark', () => {
    given(inquiry, [received]).when(draftAnswer, command({ note: '  Til udvalgets møde 14. september  ' })).then([
      { type: 'InquiryAnswerDrafted', data: { inquiryId: 'inquiry-1', draftId: 'draft-2', report, note: 'Til udvalgets møde 14. september', draftedOn: '2023-08-30' } },
    ]);
  });

  it('keeps earlier drafts: several may be drafted before one is sent', () => {
    const state = given(inquiry, [received, drafted('draft-1')]).state;
    const [event] = given(inquiry, [received, drafted('draft-1')]).when(draftAnswer, command({ draftedOn: '2023-08-31' })).events();
    expect(Object.keys(inquiry.evolve(state, event).drafts)).toEqual(['draft-1', 'draft-2']);
    expect(event.data).toMatchObject({ note: null, draftedOn: '2023-08-31' });
  });

  it('refuses an inquiry never received (404), and one already answered (409)', () => {
    given(inquiry, []).when(draftAnswer, command()).thenRefuses('INQUIRY.NOT_FOUND');
    const refused = given(inquiry, [received, drafted(), answered()]).when(draftAnswer, command());
    refused.thenRefuses('INQUIRY.ALREADY_ANSWERED');
    expect(() => refused.events()).toThrow(expect.objectContaining({ kind: 'conflict' }) as never);
  });

  it('refuses a draft id used before', () => {
    given(inquiry, [received, drafted('draft-2')]).when(draftAnswer, command()).thenRefuses('INQUIRY.DRAFT_EXISTS', 'draftId');
  });

  it.each([
    ['no kind', { kind: ' ' }],
    ['a position that is not decimal digits', { position: '0x10' }],
    ['a cutoff that is not an instant in UTC', { recordedCutoff: '2023-08-29' }],
    ['no report JSON', { report: null }],
    ['parameters that are not an object', { parameters: ['2023-08-29'] }],
  ])('refuses a report with %s', (_, changes) => {
    given(inquiry, [received]).when(draftAnswer, withReport(changes)).thenRefuses('INQUIRY.REPORT_INCOMPLETE', 'report');
  });

  it('refuses a note over 2000 characters and a draft date that is not a calendar date', () => {
    given(inquiry, [received]).when(draftAnswer, command({ note: 'x'.repeat(2001) })).thenRefuses('INQUIRY.NOTE_TOO_LONG', 'note');
    given(inquiry, [received]).when(draftAnswer, command({ draftedOn: '2023-02-30' })).thenRefuses('DATE.INVALID', 'draftedOn');
  });
});
