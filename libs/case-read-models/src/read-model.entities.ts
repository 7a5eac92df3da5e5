import { AuditTrailEntity } from './audit-trail/audit-trail.entity';
import { AppealsRegisterEntity } from './citizen-cases/appeals-register.entity';
import { CaseSummaryEntity } from './citizen-cases/case-summary.entity';
import { SanctionRegisterEntity } from './citizen-cases/sanction-register.entity';
import { CommitteeMinutesEntity } from './committee-minutes/committee-minutes.entity';

export const READ_MODEL_ENTITIES = [CaseSummaryEntity, SanctionRegisterEntity, AppealsRegisterEntity, AuditTrailEntity, CommitteeMinutesEntity];
