import { createHmac } from 'node:crypto';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { CaseManagementModule } from '@casetrail/case-management';
import { ReadModelsModule } from '@casetrail/case-read-models';
import { EventStoreModule } from '@casetrail/event-store';
import { PersonalDataModule } from '@casetrail/personal-data';
import { JWT_VERIFIER, JwtVerifier, PlatformModule, SECRETS, type PlatformOptions, type ResolvedSecrets } from '@casetrail/platform';
import { AuditController } from './audit/audit.controller';
import { CitizenCaseRepaymentsController } from './citizen-cases/citizen-case-repayments.controller';
import { CitizenCasesController } from './citizen-cases/citizen-cases.controller';
import { CitizensController } from './citizens/citizens.controller';
import { CommitteeItemsController } from './committee-items/committee-items.controller';
import { CommitteeMembersController } from './committee-members/committee-members.controller';
import { EvidenceController } from './evidence/evidence.controller';
import { HealthController } from './health/health.controller';
import { IntegrityController } from './integrity/integrity.controller';
import { ApiMetrics } from './metrics/api-metrics';
import { MetricsController } from './metrics/metrics.controller';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyStore } from './idempotency/idempotency.store';
import { IDEMPOTENCY_FINGERPRINT_KEY } from './idempotency/idempotency.tokens';
import { InquiriesController } from './inquiries/inquiries.controller';
import { ProblemDetailsFilter } from './problem-details/problem-details.filter';
import { ProjectionsController } from './projections/projections.controller';
import { CaseReadModelsController } from './read-models/case-read-models.controller';
import { CommitteeReadModelsController } from './read-models/committee-read-models.controller';
import { EvidenceReportsController } from './reports/evidence-reports.controller';
import { SanctionReviewController } from './reports/sanction-review.controller';
import { CheckpointWaiter } from './read-models/read-your-writes/checkpoint-waiter';
import { ROUTE_POLICY } from './security/route-policy';
import { ROUTE_POLICY_TABLE, RoutePolicyGuard } from './security/route-policy.guard';

@Module({})
export class AppModule {
  static register(options: PlatformOptions): DynamicModule {
    const platform = PlatformModule.forRoot(options);
    const eventStore = EventStoreModule.register(platform);
    return {
      module: AppModule,
      imports: [
        platform,
        eventStore,
        CqrsModule.forRoot(),
        CaseManagementModule.register(eventStore),
        PersonalDataModule.register(platform),
        ReadModelsModule.register(platform, eventStore, { runProjector: options.config.projectorInApi, answersReports: true }),
      ],
      controllers: [
        HealthController,
        CitizenCasesController,
        CitizenCaseRepaymentsController,
        CommitteeMembersController,
        CommitteeItemsController,
        InquiriesController,
        CaseReadModelsController,
        CommitteeReadModelsController,
        ProjectionsController,
        IntegrityController,
        MetricsController,
        AuditController,
        CitizensController,
        EvidenceController,
        EvidenceReportsController,
        SanctionReviewController,
      ],
      providers: [
        { provide: JWT_VERIFIER, inject: [SECRETS], useFactory: (secrets: ResolvedSecrets) => new JwtVerifier(secrets.jwt) },
        {
          provide: IDEMPOTENCY_FINGERPRINT_KEY,
          inject: [SECRETS],
          useFactory: (secrets: ResolvedSecrets) =>
            createHmac('sha256', Buffer.from(secrets.vaultLookupKeyBase64, 'base64')).update('casetrail idempotency fingerprint').digest(),
        },
        IdempotencyStore,
        { provide: ApiMetrics, useFactory: () => new ApiMetrics() },
        CheckpointWaiter,
        { provide: ROUTE_POLICY_TABLE, useValue: ROUTE_POLICY },
        { provide: APP_GUARD, useClass: RoutePolicyGuard },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
    };
  }
}
