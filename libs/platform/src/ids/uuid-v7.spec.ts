import { uuidv7 } from './uuid-v7';

describe('uuidv7', () => {
  it('has the RFC 9562 layout: version 7, variant 10, the time in the first 48 bits', () => {
    const at = Date.UTC(2026, 10, 22, 7, 30);
    const id = uuidv7(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('is strictly increasing, also within one millisecond and when the clock steps back', () => {
    const at = Date.now() + 60_000;
    const ids = [uuidv7(at), ...Array.from({ length: 5000 }, () => uuidv7(at)), uuidv7(at - 10), uuidv7(at + 1)];
    for (let i = 1; i < ids.length; i++) expect(ids[i] > ids[i - 1]).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
