import { bearerToken } from './bearer-token';

describe('bearerToken', () => {
  it('takes the token of a Bearer header, whatever the scheme case', () => {
    expect(bearerToken('Bearer a.b.c')).toBe('a.b.c');
    expect(bearerToken('BEARER a.b-_c')).toBe('a.b-_c');
  });

  it('refuses anything else: another scheme, no token, two tokens, a repeated header', () => {
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken('Basic YWxpY2U6cHc=')).toBeUndefined();
    expect(bearerToken('Bearer ')).toBeUndefined();
    expect(bearerToken('a.b.c')).toBeUndefined();
    expect(bearerToken('Bearer a b')).toBeUndefined();
    expect(bearerToken(['Bearer a.b.c'])).toBeUndefined();
  });
});
