import { Module, type DynamicModule } from '@nestjs/common';
import { AUDIT_HANDLERS } from './audit/audit.handlers';
import { CITIZEN_CASE_HANDLERS } from './citizen-case/citizen-case.handlers';
import { CITIZEN_HANDLERS } from './citizen/citizen.handlers';
import { COMMITTEE_ITEM_HANDLERS } from './committee-item/committee-item.handlers';
import { COMMITTEE_MEMBER_HANDLERS } from './committee-member/committee-member.handlers';
import { EVIDENCE_HANDLERS } from './evidence/evidence.handlers';
import { INQUIRY_HANDLERS } from './inquiry/inquiry.handlers';

/**
 * The write side's command and query handlers. `eventStore` is the application's
 * EventStoreModule.register(...) module; the command and query buses come from CqrsModule.forRoot()
 * in the host.
 */
@Module({})
export class CaseManagementModule {
  static register(eventStore: DynamicModule): DynamicModule {
    return {
      module: CaseManagementModule,
      imports: [eventStore],
      providers: [...CITIZEN_CASE_HANDLERS, ...COMMITTEE_ITEM_HANDLERS, ...COMMITTEE_MEMBER_HANDLERS, ...INQUIRY_HANDLERS, ...AUDIT_HANDLERS, ...CITIZEN_HANDLERS, ...EVIDENCE_HANDLERS],
    };
  }
}
