import { given } from '@casetrail/testing';
import { context, decided, opened, quorum, recommended } from '../committee-item.fixtures';
import { committeeItem } from '../committee-item.state';
import { MakeRecommendationCommand } from './make-recommendation.command';
import { makeRecommendation } from './make-recommendation.decide';

type Payload = MakeRecommendationCommand['payload'];
const points = [
  { number: 1, text: 'at orienteringen tages til efterretning' },
  { number: 2, text: 'at sagen oversendes til Økonomiudvalget' },
];
const command = (payload: Partial<Payload> = {}) =>
  new MakeRecommendationCommand('item-2', { originators: ['Jobcenter', ' Borgerservice '], addressee: 'Beskæftigelsesudvalget', points, kind: 'DECISION', ...payload }, context);

describe('make recommendation', () => {
  it('records the recommendation with its numbered points', () => {
    given(committeeItem, [opened]).when(makeRecommendation, command()).then([
      { type: 'RecommendationMade', data: { originators: ['Jobcenter', 'Borgerservice'], addressee: 'Beskæftigelsesudvalget', points, kind: 'DECISION' } },
    ]);
  });

  it('refuses an item that was never opened', () => {
    given(committeeItem, []).when(makeRecommendation, command()).thenRefuses('ITEM.NOT_FOUND');
  });

  it('refuses a second recommendation', () => {
    given(committeeItem, [opened, recommended()]).when(makeRecommendation, command()).thenRefuses('ITEM.RECOMMENDATION_ALREADY_MADE');
  });

  it('refuses a recommendation after the decision', () => {
    given(committeeItem, [opened, quorum, decided()]).when(makeRecommendation, command()).thenRefuses('ITEM.ALREADY_DECIDED');
  });

  it('refuses no originator, or a blank one', () => {
    given(committeeItem, [opened]).when(makeRecommendation, command({ originators: [] })).thenRefuses('RECOMMENDATION.ORIGINATORS_MISSING', 'originators');
    given(committeeItem, [opened]).when(makeRecommendation, command({ originators: ['Jobcenter', ' '] })).thenRefuses('RECOMMENDATION.ORIGINATORS_MISSING', 'originators');
  });

  it('refuses a blank addressee', () => {
    given(committeeItem, [opened]).when(makeRecommendation, command({ addressee: '' })).thenRefuses('RECOMMENDATION.ADDRESSEE_MISSING', 'addressee');
  });

  it('refuses a recommendation without points', () => {
    given(committeeItem, [opened]).when(makeRecommendation, command({ points: [] })).thenRefuses('RECOMMENDATION.POINTS_MISSING', 'points');
  });

  it('refuses points not numbered 1..n in order', () => {
    given(committeeItem, [opened]).when(makeRecommendation, command({ points: [points[1], points[0]] })).thenRefuses('RECOMMENDATION.POINTS_NOT_NUMBERED', 'points');
    given(committeeItem, [opened]).when(makeRecommendation, command({ points: [{ ...points[0], number: 0 }] })).thenRefuses('RECOMMENDATION.POINTS_NOT_NUMBERED', 'points');
  });

  it('refuses a point without text', () => {
    given(committeeItem, [opened]).when(makeRecommendation, command({ points: [{ number: 1, text: ' ' }] })).thenRefuses('RECOMMENDATION.POINT_TEXT_MISSING', 'points');
  });

  it('refuses an unknown kind', () => {
    given(committeeItem, [opened]).when(makeRecommendation, command({ kind: 'ADVICE' as never })).thenRefuses('RECOMMENDATION.UNKNOWN_KIND', 'kind');
  });
});
