import { checkAccessPurpose } from './access-log';

describe('checkAccessPurpose', () => {
  it('accepts 1 to 200 printable characters, Danish letters included', () => {
    expect(checkAccessPurpose('x')).toBe('x');
    expect(checkAccessPurpose('Aktindsigt: borgerens anmodning af 3. marts, sag 24-1-15.20.00-P27')).toContain('Aktindsigt');
    expect(checkAccessPurpose('æ'.repeat(200))).toHaveLength(200);
  });

  it('refuses blank, over-long, control and format characters', () => {
    for (const purpose of ['', ' \t ', 'a'.repeat(201), 'tab\there', 'nul\u0000', 'zero\u200bwidth', 'line\u2028sep']) {
      expect(() => checkAccessPurpose(purpose)).toThrow(expect.objectContaining({ code: 'ACCESS.PURPOSE_INVALID' }));
    }
  });

  it('refuses a purpose holding something shaped like a CPR number, in either form, without echoing it', () => {
    for (const purpose of ['Opslag på 010190-1234', '0101901234']) {
      let message = '';
      try {
        checkAccessPurpose(purpose);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toContain('CPR');
      expect(message).not.toMatch(/\d{6}/);
    }
    expect(checkAccessPurpose('Sag 2016/05156')).toBe('Sag 2016/05156');
  });
});
