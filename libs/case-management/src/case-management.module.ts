import { Module, type DynamicModule } from '@nestjs/common';
import { CITIZEN_CASE_HANDLERS } from './citizen-case/citizen-case.handlers';

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
      providers: [...CITIZEN_CASE_HANDLERS],
    };
  }
}
