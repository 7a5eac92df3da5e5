import type { AnswerReport, InquiryAnswerDrafted, InquiryEvent, InquiryReceived } from './inquiry.events';

/** Events for the inquiry's specs: an inquiry from Ankestyrelsen, a draft answer, an answer. */
export const context = { actor: 'liaison-1', correlationId: 'c-1', recordedAt: new Date('2023-08-30T08:00:00Z') };

export const received: InquiryReceived = {
  type: 'InquiryReceived',
  data: {
    inquiryId: 'inquiry-1',
    from: 'Ankestyrelsen',
    question: 'Hvilke afgørelser om skærpet rådighedssanktion truffet siden 1. januar 2020 var forkerte?',
    scope: { legalArea: 'AKTIVLOVEN', sanctionTypes: ['AKTL_40A_STRICTER_AVAILABILITY'], period: { from: '2020-01-01', to: '2023-07-31' } },
    deadline: '2023-09-15',
    receivedOn: '2023-06-28',
  },
};

export const report: AnswerReport = {
  kind: 'SANCTION_REVIEW',
  parameters: { sanctionTypes: ['AKTL_40A_STRICTER_AVAILABILITY'], breachFrom: '2020-01-01', breachTo: '2023-07-31', knownOn: '2023-08-29', includeCitizens: false },
  position: '18446744073709551617',
  recordedCutoff: '2023-08-29T21:59:59.999Z',
  report: { header: { report: 'SANCTION_REVIEW', version: 1 }, total: { citizens: 35, sanctions: 39, citizensWithError: 25 } },
};

export const drafted = (draftId = 'draft-1'): InquiryAnswerDrafted => ({
  type: 'InquiryAnswerDrafted',
  data: { inquiryId: 'inquiry-1', draftId, report, note: null, draftedOn: '2023-08-30' },
});

export const answered = (draftId = 'draft-1'): InquiryEvent => ({
  type: 'InquiryAnswered',
  data: { inquiryId: 'inquiry-1', draftId, report, approval: null, answeredOn: '2023-09-01' },
});
