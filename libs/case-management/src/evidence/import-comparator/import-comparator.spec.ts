import { given } from '@casetrail/testing';
import { importedComparator } from '../evidence.state';
import { ImportComparatorCommand } from './import-comparator.command';
import { importComparator } from './import-comparator.decide';

type Payload = ImportComparatorCommand['payload'];
const context = { actor: 'liaison-1', correlationId: 'c-1', recordedAt: new Date('2024-03-01T08:00:00Z') };
const command = (payload: Partial<Payload> = {}) =>
  new ImportComparatorCommand(
    'comparator-1',
    {
      label: ' Landsgennemsnit, omgørelsesprocent ',
      source: 'Ankestyrelsen, Ankestatistik',
      receivedOn: '2024-02-15',
      legalArea: 'AKTIVLOVEN',
      period: { from: '2023-01-01', to: '2023-12-31' },
      reversalRatePct: 32.4,
      ...payload,
    },
    context,
  );

describe('import comparator', () => {
  it('stores the figure as evidence with its label, source, receipt date, legal area and period', () => {
    given(importedComparator, []).when(importComparator, command()).then([
      {
        type: 'ComparatorImported',
        data: {
          comparatorId: 'comparator-1',
          label: 'Landsgennemsnit, omgørelsesprocent',
          source: 'Ankestyrelsen, Ankestatistik',
          receivedOn: '2024-02-15',
          legalArea: 'AKTIVLOVEN',
          period: { from: '2023-01-01', to: '2023-12-31' },
          reversalRatePct: 32.4,
        },
      },
    ]);
  });

  it('refuses a second import under the same id', () => {
    const [imported] = given(importedComparator, []).when(importComparator, command()).events();
    given(importedComparator, [imported]).when(importComparator, command()).thenRefuses('COMPARATOR.ALREADY_IMPORTED');
  });

  it('refuses a blank label or source, an unknown legal area and an inverted period', () => {
    given(importedComparator, []).when(importComparator, command({ label: '' })).thenRefuses('COMPARATOR.LABEL_MISSING', 'label');
    given(importedComparator, []).when(importComparator, command({ source: ' ' })).thenRefuses('COMPARATOR.SOURCE_MISSING', 'source');
    given(importedComparator, []).when(importComparator, command({ legalArea: 'TAX' as never })).thenRefuses('COMPARATOR.UNKNOWN_LEGAL_AREA', 'legalArea');
    given(importedComparator, []).when(importComparator, command({ period: { from: '2023-12-31', to: '2023-01-01' } })).thenRefuses('COMPARATOR.PERIOD_INVERTED', 'period.to');
  });

  it('refuses a rate outside 0–100 or with more than two decimals', () => {
    for (const reversalRatePct of [-0.1, 100.01, 12.345, Number.NaN]) {
      given(importedComparator, []).when(importComparator, command({ reversalRatePct })).thenRefuses('COMPARATOR.RATE_INVALID', 'reversalRatePct');
    }
    given(importedComparator, []).when(importComparator, command({ reversalRatePct: 0 })).events();
    given(importedComparator, []).when(importComparator, command({ reversalRatePct: 100 })).events();
  });
});
