import { auditTrailProjection } from './audit-trail/audit-trail.projection';
import { citizenCasesProjection } from './citizen-cases/citizen-cases.projection';
import { committeeMinutesProjection } from './committee-minutes/committee-minutes.projection';
import type { Projection } from './projection/projection';

/** Every projection, by name; `npm run projections:rebuild [name]` takes these names. */
export const PROJECTIONS: readonly Projection[] = [citizenCasesProjection, auditTrailProjection, committeeMinutesProjection];
