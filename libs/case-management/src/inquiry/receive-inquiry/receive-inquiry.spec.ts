import { given } from '@casetrail/testing';
import { inquiry } from '../inquiry.state';
import { ReceiveInquiryCommand } from './receive-inquiry.command';
import { receiveInquiry } from './receive-inquiry.decide';

type Payload = ReceiveInquiryCommand['payload'];
const context = { actor: 'liaison-1', correlationId: 'c-1', recordedAt: new Date('2023-06-28T22:30:00Z') };
const question = 'Hvilke afgørelser om skærpet rådighedssanktion truffet siden 1. januar 2020 var forkerte?';
const scope = { legalArea: 'AKTIVLOVEN', sanctionTypes: ['AKTL_40A_STRICTER_AVAILABILITY'], period: { from: '2020-01-01', to: '2023-06-30' } } as const;
const command = (payload: Partial<Payload> = {}) =>
  new ReceiveInquiryCommand('inquiry-1', { from: ' Ankestyrelsen ', question, scope, deadline: '2023-08-29', ...payload }, context);
const withScope = (changes: Partial<Payload['scope']>) => command({ scope: { ...scope, ...changes } });

describe('receive inquiry', () => {
  it('records the inquiry, received on the Danish effective date', () => {
    given(inquiry, []).when(receiveInquiry, command()).then([
      {
        type: 'InquiryReceived',
        data: {
          inquiryId: 'inquiry-1',
          from: 'Ankestyrelsen',
          question,
          scope: { legalArea: 'AKTIVLOVEN', sanctionTypes: ['AKTL_40A_STRICTER_AVAILABILITY'], period: { from: '2020-01-01', to: '2023-06-30' } },
          deadline: '2023-08-29',
          receivedOn: '2023-06-29',
        },
      },
    ]);
  });

  it('takes an open scope and a receipt date from the caller', () => {
    const [event] = given(inquiry, []).when(receiveInquiry, command({ scope: {}, receivedOn: '2023-06-01' })).events();
    expect(event.data).toMatchObject({ scope: { legalArea: null, sanctionTypes: [], period: null }, receivedOn: '2023-06-01' });
  });

  it('refuses a second receipt', () => {
    const [received] = given(inquiry, []).when(receiveInquiry, command()).events();
    given(inquiry, [received]).when(receiveInquiry, command()).thenRefuses('INQUIRY.ALREADY_RECEIVED');
  });

  it('refuses an inquiry without a sender', () => {
    given(inquiry, []).when(receiveInquiry, command({ from: ' ' })).thenRefuses('INQUIRY.SENDER_MISSING', 'from');
  });

  it('refuses an inquiry without a question', () => {
    given(inquiry, []).when(receiveInquiry, command({ question: '' })).thenRefuses('INQUIRY.QUESTION_MISSING', 'question');
  });

  it('refuses a legal area outside the catalogue', () => {
    given(inquiry, []).when(receiveInquiry, withScope({ legalArea: 'TAX' as never })).thenRefuses('INQUIRY.UNKNOWN_LEGAL_AREA', 'scope.legalArea');
  });

  it('refuses a sanction type outside the catalogue', () => {
    given(inquiry, []).when(receiveInquiry, withScope({ sanctionTypes: ['AVAILABILITY'] })).thenRefuses('INQUIRY.UNKNOWN_SANCTION_TYPE', 'scope.sanctionTypes');
  });

  it('refuses dates that are not calendar dates, naming the field', () => {
    given(inquiry, []).when(receiveInquiry, withScope({ period: { from: '2020-13-01', to: '2023-06-30' } })).thenRefuses('DATE.INVALID', 'scope.period.from');
    given(inquiry, []).when(receiveInquiry, command({ deadline: '29-08-2023' })).thenRefuses('DATE.INVALID', 'deadline');
    given(inquiry, []).when(receiveInquiry, command({ receivedOn: '2023-06-31' })).thenRefuses('DATE.INVALID', 'receivedOn');
  });

  it('refuses a period that ends before it begins', () => {
    given(inquiry, []).when(receiveInquiry, withScope({ period: { from: '2023-06-30', to: '2020-01-01' } })).thenRefuses('INQUIRY.PERIOD_INVERTED', 'scope.period.to');
  });

  it('refuses a deadline before the inquiry was received', () => {
    given(inquiry, []).when(receiveInquiry, command({ deadline: '2023-06-28' })).thenRefuses('INQUIRY.DEADLINE_BEFORE_RECEIPT', 'deadline');
  });
});
