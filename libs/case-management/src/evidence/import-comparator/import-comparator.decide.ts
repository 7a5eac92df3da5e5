import { LEGAL_AREAS } from '../../citizen-case/catalogue/case-catalogues';
import { requireIsoDate } from '../../shared/dates';
import { DomainError } from '../../shared/domain-error';
import type { ComparatorImported } from '../evidence.events';
import type { ComparatorState } from '../evidence.state';
import type { ImportComparatorCommand } from './import-comparator.command';

export function importComparator(command: ImportComparatorCommand, state: ComparatorState): ComparatorImported[] {
  if (state.status !== 'NONE') throw new DomainError('COMPARATOR.ALREADY_IMPORTED', 'This comparator has already been imported', { kind: 'conflict' });
  const { payload } = command;
  const label = payload.label.trim();
  if (label === '') throw new DomainError('COMPARATOR.LABEL_MISSING', 'Say what the figure is', { field: 'label' });
  const source = payload.source.trim();
  if (source === '') throw new DomainError('COMPARATOR.SOURCE_MISSING', 'Name the source of the figure', { field: 'source' });
  const receivedOn = requireIsoDate(payload.receivedOn, 'receivedOn');
  if (!LEGAL_AREAS.includes(payload.legalArea)) {
    throw new DomainError('COMPARATOR.UNKNOWN_LEGAL_AREA', `Legal area must be one of ${LEGAL_AREAS.join(', ')}`, { field: 'legalArea' });
  }
  const period = { from: requireIsoDate(payload.period.from, 'period.from'), to: requireIsoDate(payload.period.to, 'period.to') };
  if (period.to < period.from) throw new DomainError('COMPARATOR.PERIOD_INVERTED', 'The period ends before it begins', { field: 'period.to' });
  const rate = payload.reversalRatePct;
  if (!Number.isFinite(rate) || rate < 0 || rate > 100 || Math.abs(Math.round(rate * 100) - rate * 100) > 1e-9) {
    throw new DomainError('COMPARATOR.RATE_INVALID', 'The reversal rate is a percentage from 0 to 100 with at most two decimals', { field: 'reversalRatePct' });
  }
  return [
    {
      type: 'ComparatorImported',
      data: { comparatorId: command.comparatorId, label, source, receivedOn, legalArea: payload.legalArea, period, reversalRatePct: rate },
    },
  ];
}
