import { citizenCasesProjection } from './citizen-cases/citizen-cases.projection';
import type { Projection } from './projection/projection';

/** Every projection, by name; `npm run projections:rebuild [name]` takes these names. */
export const PROJECTIONS: readonly Projection[] = [citizenCasesProjection];
