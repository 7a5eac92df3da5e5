import { DomainError } from '../../shared/domain-error';
import { RECOMMENDATION_KINDS } from '../committee-item.catalogue';
import type { RecommendationMade } from '../committee-item.events';
import { requireItem, requireText, requireUndecided } from '../committee-item.rules';
import type { CommitteeItemState } from '../committee-item.state';
import type { MakeRecommendationCommand } from './make-recommendation.command';

/** The administration's recommendation (indstilling); one per item. */
export function makeRecommendation(command: MakeRecommendationCommand, state: CommitteeItemState): RecommendationMade[] {
  requireItem(state);
  if (state.recommendation) {
    throw new DomainError('ITEM.RECOMMENDATION_ALREADY_MADE', 'This item already has a recommendation', { kind: 'conflict' });
  }
  requireUndecided(state);
  const { payload } = command;
  if (payload.originators.length === 0) throw new DomainError('RECOMMENDATION.ORIGINATORS_MISSING', 'Name the recommending unit(s)', { field: 'originators' });
  const originators = payload.originators.map((o) => requireText(o, 'RECOMMENDATION.ORIGINATORS_MISSING', 'originators'));
  const addressee = requireText(payload.addressee, 'RECOMMENDATION.ADDRESSEE_MISSING', 'addressee');
  if (payload.points.length === 0) throw new DomainError('RECOMMENDATION.POINTS_MISSING', 'A recommendation has at least one point', { field: 'points' });
  if (payload.points.some((point, index) => point.number !== index + 1)) {
    throw new DomainError('RECOMMENDATION.POINTS_NOT_NUMBERED', 'Points are numbered 1, 2, 3 … in order', { field: 'points' });
  }
  const points = payload.points.map((point) => ({ number: point.number, text: requireText(point.text, 'RECOMMENDATION.POINT_TEXT_MISSING', 'points') }));
  if (!RECOMMENDATION_KINDS.includes(payload.kind)) {
    throw new DomainError('RECOMMENDATION.UNKNOWN_KIND', `Kind must be one of ${RECOMMENDATION_KINDS.join(', ')}`, { field: 'kind' });
  }
  return [{ type: 'RecommendationMade', data: { originators, addressee, points, kind: payload.kind } }];
}
