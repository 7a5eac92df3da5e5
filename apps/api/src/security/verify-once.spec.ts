import { AuthenticationError, type AuthenticatedUser, type TokenVerifier } from '@casetrail/platform';
import { verifyOnce } from './verify-once';

function countingVerifier(): TokenVerifier & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async verify(token: string): Promise<AuthenticatedUser> {
      calls.push(token);
      if (token === 'bad') throw new AuthenticationError('AUTH.INVALID_TOKEN', 'The token is not valid');
      return { subject: `user-${token}`, roles: ['CASEWORKER'] } as unknown as AuthenticatedUser;
    },
  } as TokenVerifier & { calls: string[] };
}

describe('verifyOnce', () => {
  it('checks a request\'s token once, however many steps ask', async () => {
    const verifier = countingVerifier();
    const request = {};
    const first = await verifyOnce(request, 'a', verifier);
    const second = await verifyOnce(request, 'a', verifier);
    expect(second).toBe(first);
    expect(verifier.calls).toEqual(['a']);
  });

  it('checks again for another request or another token', async () => {
    const verifier = countingVerifier();
    const request = {};
    await verifyOnce(request, 'a', verifier);
    await verifyOnce({}, 'a', verifier);
    expect((await verifyOnce(request, 'b', verifier)).subject).toBe('user-b');
    expect(verifier.calls).toEqual(['a', 'a', 'b']);
  });

  it('refuses a bad token to every step that asks', async () => {
    const verifier = countingVerifier();
    const request = {};
    await expect(verifyOnce(request, 'bad', verifier)).rejects.toBeInstanceOf(AuthenticationError);
    await expect(verifyOnce(request, 'bad', verifier)).rejects.toBeInstanceOf(AuthenticationError);
    expect(verifier.calls).toEqual(['bad']);
  });
});
