import { GetCitizenCaseHandler } from './get-case/get-case.handler';
import { OpenCaseHandler } from './open-case/open-case.handler';

/** Every command and query handler of the citizen case; the module registers them. */
export const CITIZEN_CASE_HANDLERS = [OpenCaseHandler, GetCitizenCaseHandler];
