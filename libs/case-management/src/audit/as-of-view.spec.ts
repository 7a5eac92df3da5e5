import { parseAsOfView, parseDiffRequest, parseInstant } from './as-of-view';

describe('the moment an auditor asks about', () => {
  it.each([
    ['2023-06-28T23:59:59+02:00', '2023-06-28T21:59:59.000Z'],
    ['2023-06-28T10:00Z', '2023-06-28T10:00:00.000Z'],
    ['2024-02-29T00:00:00.123456-01:00', '2024-02-29T01:00:00.123Z'],
  ])('reads the instant %s as %s', (text, utc) => {
    expect(parseInstant(text)).toBe(utc);
  });

  it.each(['2023-06-28', '2023-06-28T10:00:00', '2023-02-30T00:00:00Z', '2023-06-28T24:00:00Z', '2023-06-28 10:00:00Z', 'yesterday', ''])('refuses %j', (text) => {
    expect(parseInstant(text)).toBeNull();
  });

  it('takes exactly one view', () => {
    expect(parseAsOfView({ atRevision: '3' })).toEqual({ ok: true, value: { kind: 'atRevision', revision: 3 } });
    expect(parseAsOfView({ recordedAt: '2023-06-28T12:00:00+02:00' })).toEqual({ ok: true, value: { kind: 'recordedAt', at: '2023-06-28T10:00:00.000Z' } });
    expect(parseAsOfView({ effectiveAt: '2021-12-31T23:59:59Z' })).toEqual({ ok: true, value: { kind: 'effectiveAt', at: '2021-12-31T23:59:59.000Z' } });
  });

  it.each([
    [{}, 'view', 'AUDIT.VIEW_MISSING'],
    [{ atRevision: '1', recordedAt: '2023-06-28T12:00:00Z' }, 'atRevision,recordedAt', 'AUDIT.VIEW_AMBIGUOUS'],
    [{ atRevision: '-1' }, 'atRevision', 'AUDIT.INVALID_REVISION'],
    [{ atRevision: '1.5' }, 'atRevision', 'AUDIT.INVALID_REVISION'],
    [{ recordedAt: '2023-06-28' }, 'recordedAt', 'AUDIT.INVALID_INSTANT'],
    [{ effectiveAt: 'now' }, 'effectiveAt', 'AUDIT.INVALID_INSTANT'],
  ])('refuses %j naming %s', (params, field, code) => {
    expect(parseAsOfView(params)).toEqual({ ok: false, problems: [expect.objectContaining({ field, code })] });
  });

  it('takes a diff between two moments on recorded time unless effective is asked for', () => {
    expect(parseDiffRequest({ from: '2023-06-28T00:00:00Z', to: '2023-08-29T00:00:00Z' })).toEqual({
      ok: true,
      value: { time: 'recorded', from: '2023-06-28T00:00:00.000Z', to: '2023-08-29T00:00:00.000Z' },
    });
    expect(parseDiffRequest({ from: '2021-01-01T00:00:00Z', to: '2021-01-01T00:00:00Z', view: 'effective' })).toMatchObject({ ok: true, value: { time: 'effective' } });
  });

  it('refuses a diff naming every problem', () => {
    const refused = parseDiffRequest({ to: '2023-02-30T00:00:00Z', view: 'revision' });
    expect(refused).toEqual({
      ok: false,
      problems: [
        expect.objectContaining({ field: 'view', code: 'AUDIT.INVALID_DIFF_VIEW' }),
        expect.objectContaining({ field: 'from', code: 'AUDIT.INSTANT_MISSING' }),
        expect.objectContaining({ field: 'to', code: 'AUDIT.INVALID_INSTANT' }),
      ],
    });
    expect(parseDiffRequest({ from: '2023-08-29T00:00:00Z', to: '2023-06-28T00:00:00Z' })).toEqual({ ok: false, problems: [expect.objectContaining({ field: 'to', code: 'AUDIT.RANGE_REVERSED' })] });
  });
});
