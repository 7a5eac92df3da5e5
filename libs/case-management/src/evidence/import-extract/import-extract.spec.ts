import { given } from '@casetrail/testing';
import type { ExtractCitizen } from '../evidence.events';
import { importedExtract } from '../evidence.state';
import { documentDigest, extractIdOf } from '../extract-id';
import { ImportExtractCommand } from './import-extract.command';
import { importExtract } from './import-extract.decide';

type Payload = ImportExtractCommand['payload'];
const context = { actor: 'liaison-1', correlationId: 'c-1', recordedAt: new Date('2023-08-07T08:00:00Z') };
const digest = documentDigest('{"source":"STAR/Jobindsats"}');
const REF = '0193f3a2-5c1e-7b4a-9d2e-6f1a2b3c4d5e';
const HASH = 'ab'.repeat(32);
const citizens: ExtractCitizen[] = [
  { citizenRef: REF, lookupHash: null, sanctions: [{ type: 'STRICTER_AVAILABILITY', date: '2021-03-01', amountOre: 123_400 }] },
  { citizenRef: null, lookupHash: HASH, sanctions: [{ type: 'STRICTER_AVAILABILITY', date: '2022-01-10', amountOre: null }] },
];
const command = (payload: Partial<Payload> = {}) =>
  new ImportExtractCommand(
    extractIdOf(digest),
    { source: ' STAR/Jobindsats ', period: { from: '2020-01-01', to: '2023-07-31' }, receivedOn: '2023-08-07', digest, citizens, ...payload },
    context,
  );

describe('import extract', () => {
  it('stores the extract as evidence: source, period, receipt date, digest and the citizens by reference or lookup hash', () => {
    given(importedExtract, []).when(importExtract, command()).then([
      {
        type: 'ExtractImported',
        data: {
          extractId: extractIdOf(digest),
          source: 'STAR/Jobindsats',
          period: { from: '2020-01-01', to: '2023-07-31' },
          receivedOn: '2023-08-07',
          digest: { algorithm: 'SHA-256', value: digest },
          citizens,
        },
      },
    ]);
  });

  it('decides nothing when the same document is imported again', () => {
    const [imported] = given(importedExtract, []).when(importExtract, command()).events();
    given(importedExtract, [imported]).when(importExtract, command()).then([]);
  });

  it('refuses another document under an id already used', () => {
    const [imported] = given(importedExtract, []).when(importExtract, command()).events();
    given(importedExtract, [imported]).when(importExtract, command({ digest: 'cd'.repeat(32) })).thenRefuses('EXTRACT.ID_IN_USE');
  });

  it('refuses an extract without a source, with an inverted period or malformed dates, naming the field', () => {
    given(importedExtract, []).when(importExtract, command({ source: ' ' })).thenRefuses('EXTRACT.SOURCE_MISSING', 'source');
    given(importedExtract, []).when(importExtract, command({ period: { from: '2023-07-31', to: '2020-01-01' } })).thenRefuses('EXTRACT.PERIOD_INVERTED', 'period.to');
    given(importedExtract, []).when(importExtract, command({ receivedOn: '2023-02-30' })).thenRefuses('DATE.INVALID', 'receivedOn');
    const badDate = [{ ...citizens[0], sanctions: [{ type: 'STRICTER_AVAILABILITY', date: '2021-13-01', amountOre: null }] }];
    given(importedExtract, []).when(importExtract, command({ citizens: badDate })).thenRefuses('DATE.INVALID', 'citizens.0.sanctions.0.date');
  });

  it('refuses a citizen given both ways or neither, a malformed type and a negative or fractional amount', () => {
    const both = [{ citizenRef: REF, lookupHash: HASH, sanctions: [] }] as unknown as ExtractCitizen[];
    given(importedExtract, []).when(importExtract, command({ citizens: both })).thenRefuses('EXTRACT.CITIZEN_UNIDENTIFIED', 'citizens.0');
    const neither = [{ citizenRef: null, lookupHash: null, sanctions: [] }] as unknown as ExtractCitizen[];
    given(importedExtract, []).when(importExtract, command({ citizens: neither })).thenRefuses('EXTRACT.CITIZEN_UNIDENTIFIED', 'citizens.0');
    const withSanction = (sanction: object) => [{ ...citizens[1], sanctions: [{ type: 'STRICTER_AVAILABILITY', date: '2022-01-10', amountOre: null, ...sanction }] }];
    given(importedExtract, []).when(importExtract, command({ citizens: withSanction({ type: 'skærpet' }) })).thenRefuses('EXTRACT.SANCTION_TYPE_INVALID', 'citizens.0.sanctions.0.type');
    given(importedExtract, []).when(importExtract, command({ citizens: withSanction({ amountOre: -1 }) })).thenRefuses('EXTRACT.AMOUNT_INVALID', 'citizens.0.sanctions.0.amountOre');
    given(importedExtract, []).when(importExtract, command({ citizens: withSanction({ amountOre: 1.5 }) })).thenRefuses('EXTRACT.AMOUNT_INVALID', 'citizens.0.sanctions.0.amountOre');
  });

  it('refuses a digest that is not SHA-256 hex', () => {
    given(importedExtract, []).when(importExtract, command({ digest: 'xyz' })).thenRefuses('EXTRACT.DIGEST_INVALID', 'digest');
  });
});

describe('extract id', () => {
  it('is a UUID derived from the digest: the same document gives the same id, another document another', () => {
    const id = extractIdOf(digest);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(extractIdOf(documentDigest('{"source":"STAR/Jobindsats"}'))).toBe(id);
    expect(extractIdOf(documentDigest('{"source":"STAR"}'))).not.toBe(id);
    expect(() => extractIdOf('not a digest')).toThrow(RangeError);
  });
});
