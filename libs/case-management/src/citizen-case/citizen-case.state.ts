import type { Aggregate } from '@casetrail/event-store';
import type { CaseNumber } from '../shared/case-number/case-number';
import type { AppealOutcome, ClosureReason, DiscoverySource, ErrorCategory, LegalArea, ReviewOutcome } from './catalogue/case-catalogues';
import type { CitizenCaseEvent, IsoDate, LegalBasis } from './citizen-case.events';

export interface SanctionReview {
  readonly outcome: ReviewOutcome;
  readonly errorCategories: readonly ErrorCategory[];
  readonly wouldChangeOnAppeal: boolean;
  readonly reviewer: string;
  readonly reviewedOn: IsoDate;
}

export interface Sanction {
  readonly sanctionId: string;
  readonly sanctionType: string;
  readonly legalBasis: LegalBasis;
  readonly breachDate: IsoDate;
  readonly period: { readonly from: IsoDate; readonly to: IsoDate };
  readonly amountDeductedOre: number;
  readonly decidedOn: IsoDate;
  readonly review: SanctionReview | null;
  /** Ids of the events that state this sanction's facts (imposed, reviewed, corrected). */
  readonly eventIds: readonly string[];
}

export interface Repayment {
  readonly repaymentId: string;
  readonly sanctionIds: readonly string[];
  readonly amountOre: number;
  readonly status: 'ASSESSED' | 'SCHEDULED' | 'ISSUED';
  readonly assessedOn: IsoDate;
  readonly scheduledFor: IsoDate | null;
  readonly issuedOn: IsoDate | null;
}

export interface Appeal {
  readonly appealId: string;
  readonly sanctionIds: readonly string[];
  readonly lodgedOn: IsoDate;
  readonly outcome: AppealOutcome | null;
  readonly decidedOn: IsoDate | null;
}

export interface CitizenCaseState {
  readonly status: 'NONE' | 'OPEN' | 'CLOSED';
  readonly caseId: string | null;
  readonly caseNumber: CaseNumber | null;
  readonly citizenRef: string | null;
  readonly legalArea: LegalArea | null;
  readonly owningUnit: string | null;
  readonly openedOn: IsoDate | null;
  readonly sanctions: Readonly<Record<string, Sanction>>;
  readonly discoveries: readonly { readonly source: DiscoverySource; readonly identifiedOn: IsoDate }[];
  readonly repayments: Readonly<Record<string, Repayment>>;
  readonly appeals: Readonly<Record<string, Appeal>>;
  readonly closure: { readonly reason: ClosureReason; readonly closedOn: IsoDate } | null;
  /** Ids of the case-level events (opened, closed, reopened, corrected). */
  readonly eventIds: readonly string[];
}

export function initialCitizenCaseState(): CitizenCaseState {
  return {
    status: 'NONE',
    caseId: null,
    caseNumber: null,
    citizenRef: null,
    legalArea: null,
    owningUnit: null,
    openedOn: null,
    sanctions: {},
    discoveries: [],
    repayments: {},
    appeals: {},
    closure: null,
    eventIds: [],
  };
}

const withId = (ids: readonly string[], id: string | undefined): readonly string[] => (id ? [...ids, id] : ids);

export function evolveCitizenCase(state: CitizenCaseState, event: CitizenCaseEvent): CitizenCaseState {
  switch (event.type) {
    case 'CaseOpened': {
      const d = event.data;
      return {
        ...state,
        status: 'OPEN',
        caseId: d.caseId,
        caseNumber: d.caseNumber,
        citizenRef: d.citizenRef,
        legalArea: d.legalArea,
        owningUnit: d.owningUnit,
        openedOn: d.openedOn,
        eventIds: withId(state.eventIds, event.id),
      };
    }
    case 'SanctionImposed': {
      const { sanctionId, ...facts } = event.data;
      const sanction: Sanction = { sanctionId, ...facts, review: null, eventIds: withId([], event.id) };
      return { ...state, sanctions: { ...state.sanctions, [sanctionId]: sanction } };
    }
    case 'CitizenIdentified':
      return { ...state, discoveries: [...state.discoveries, { source: event.data.source, identifiedOn: event.data.identifiedOn }] };
    case 'SanctionReviewed': {
      const { sanctionId, ...review } = event.data;
      return updateSanction(state, sanctionId, (s) => ({ ...s, review, eventIds: withId(s.eventIds, event.id) }));
    }
    case 'RepaymentAssessed': {
      const d = event.data;
      const repayment: Repayment = { ...d, status: 'ASSESSED', scheduledFor: null, issuedOn: null };
      return { ...state, repayments: { ...state.repayments, [d.repaymentId]: repayment } };
    }
    case 'RepaymentScheduled':
      return updateRepayment(state, event.data.repaymentId, (r) => ({ ...r, status: 'SCHEDULED', scheduledFor: event.data.scheduledFor }));
    case 'RepaymentIssued':
      return updateRepayment(state, event.data.repaymentId, (r) => ({ ...r, status: 'ISSUED', issuedOn: event.data.issuedOn }));
    case 'AppealLodged': {
      const appeal: Appeal = { ...event.data, outcome: null, decidedOn: null };
      return { ...state, appeals: { ...state.appeals, [appeal.appealId]: appeal } };
    }
    case 'AppealDecided': {
      const existing = state.appeals[event.data.appealId];
      if (!existing) return state;
      const decided: Appeal = { ...existing, outcome: event.data.outcome, decidedOn: event.data.decidedOn };
      return { ...state, appeals: { ...state.appeals, [decided.appealId]: decided } };
    }
    case 'CaseClosed':
      return { ...state, status: 'CLOSED', closure: { ...event.data }, eventIds: withId(state.eventIds, event.id) };
    case 'CaseReopened':
      return { ...state, status: 'OPEN', closure: null, eventIds: withId(state.eventIds, event.id) };
    case 'FactCorrected':
      return applyCorrection(state, event.data.target, event.id);
    default:
      return state;
  }
}

function applyCorrection(state: CitizenCaseState, target: Extract<CitizenCaseEvent, { type: 'FactCorrected' }>['data']['target'], id: string | undefined): CitizenCaseState {
  switch (target.kind) {
    case 'case':
      return { ...state, ...target.changes, eventIds: withId(state.eventIds, id) };
    case 'sanction':
      return updateSanction(state, target.sanctionId, (s) => ({ ...s, ...target.changes, eventIds: withId(s.eventIds, id) }));
    case 'review':
      return updateSanction(state, target.sanctionId, (s) =>
        s.review ? { ...s, review: { ...s.review, ...target.changes }, eventIds: withId(s.eventIds, id) } : s,
      );
  }
}

function updateSanction(state: CitizenCaseState, sanctionId: string, change: (s: Sanction) => Sanction): CitizenCaseState {
  const sanction = state.sanctions[sanctionId];
  return sanction ? { ...state, sanctions: { ...state.sanctions, [sanctionId]: change(sanction) } } : state;
}

function updateRepayment(state: CitizenCaseState, repaymentId: string, change: (r: Repayment) => Repayment): CitizenCaseState {
  const repayment = state.repayments[repaymentId];
  return repayment ? { ...state, repayments: { ...state.repayments, [repaymentId]: change(repayment) } } : state;
}

/** The citizen case's fold, shared by the write side and auditors' replays. */
export const citizenCase: Aggregate<CitizenCaseState, CitizenCaseEvent> = {
  initialState: initialCitizenCaseState,
  evolve: evolveCitizenCase,
};

export const CITIZEN_CASE_STREAM_PREFIX = 'citizen-case-';

export function citizenCaseStream(caseId: string): string {
  return `${CITIZEN_CASE_STREAM_PREFIX}${caseId}`;
}
