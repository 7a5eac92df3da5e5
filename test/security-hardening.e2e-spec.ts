import { CommandBus } from '@nestjs/cqrs';
import { startTestApi, type TestApi } from './support/api-test-app';

const UNKNOWN_CASE = '0190c7a2-0000-7000-8000-0000000000bb';

describe('HTTP hardening', () => {
  describe('with the default configuration', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi();
    });
    afterAll(async () => {
      await api.close();
    });

    it('sends security headers and no-store on answers and refusals alike, with a CSP that allows nothing', async () => {
      for (const response of [await api.get('/read-models/cases'), await api.get('/read-models/cases', { as: null })]) {
        expect(response.headers).toMatchObject({
          'content-security-policy': "default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'",
          'x-content-type-options': 'nosniff',
          'x-frame-options': 'SAMEORIGIN',
          'strict-transport-security': expect.stringContaining('max-age='),
          'referrer-policy': 'no-referrer',
          'cross-origin-resource-policy': 'same-origin',
          'cache-control': 'no-store',
        });
      }
    });

    it('gives the /docs UI a CSP of its own that lets it load its scripts and styles, and serves them', async () => {
      const page = await api.app.inject({ method: 'GET', url: '/docs' });
      expect(page.statusCode).toBe(200);
      const csp = String(page.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-eval');
      expect(csp.match(/script-src[^;]*/)?.[0]).not.toContain('unsafe-inline');
      const css = await api.app.inject({ method: 'GET', url: '/docs/swagger-ui.css' });
      expect(css.statusCode).toBe(200);
      expect(css.headers['content-security-policy']).toBe(csp);
    });

    it('keeps CORS closed: no Access-Control-Allow-Origin for any origin, and no preflight', async () => {
      const read = await api.app.inject({ method: 'GET', url: '/health', headers: { origin: 'https://evil.example' } });
      expect(read.statusCode).toBe(200);
      expect(read.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await api.app.inject({
        method: 'OPTIONS',
        url: '/citizen-cases',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
      });
      expect(preflight.statusCode).toBe(404);
      expect(preflight.headers['content-type']).toContain('application/problem+json');
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('answers an unexpected error (a TypeError) with a bare 500 problem: no message, no stack', async () => {
      const bus = api.app.get(CommandBus);
      const secret = "Cannot read properties of undefined (reading 'citizenRef') at /srv/casetrail/libs/secret.ts:42";
      const spy = jest.spyOn(bus, 'execute').mockRejectedValueOnce(new TypeError(secret));
      try {
        const response = await api.post('/committee-members', { name: 'Per Tærstøl' });
        expect(response.statusCode).toBe(500);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.body).toEqual({
          type: 'https://casetrail.dk/problems/service-internal-error',
          title: 'Internal Server Error',
          status: 500,
          detail: 'An unexpected error occurred',
          instance: '/committee-members',
          code: 'SERVICE.INTERNAL_ERROR',
        });
        const text = JSON.stringify(response.body);
        for (const leak of ['TypeError', 'citizenRef', '/srv/', 'secret.ts', ' at ']) expect(text).not.toContain(leak);
      } finally {
        spy.mockRestore();
      }
    });

    it('refuses text PostgreSQL cannot store in a query or a path parameter of a read, naming the field', async () => {
      for (const [url, field] of [
        ['/read-models/cases?caseNumber=EMN%00', 'caseNumber'],
        ['/read-models/committee-meetings/udvalg%00/2025-01-14/minutes', 'committeeId'],
      ]) {
        const response = await api.get(url);
        expect(response.statusCode).toBe(400);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.body).toMatchObject({ code: 'REQUEST.INVALID_TEXT', field });
      }
    });

    it('refuses an unsigned token (alg none) and one that claims another algorithm', async () => {
      const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const claims = { sub: 'mallory', roles: ['admin'], iss: 'casetrail-test', aud: 'casetrail-api', exp: Math.floor(Date.now() / 1000) + 600 };
      const valid = (await api.token(['admin'])).split('.');
      for (const token of [`${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`, `${b64({ alg: 'HS512', typ: 'JWT' })}.${valid[1]}.${valid[2]}`]) {
        const response = await api.app.inject({ method: 'GET', url: '/read-models/cases', headers: { authorization: `Bearer ${token}` } });
        expect(response.statusCode).toBe(401);
        expect(response.json()).toMatchObject({ code: 'AUTH.INVALID_TOKEN' });
      }
    });
  });

  describe('with CORS_ORIGINS set', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi({ env: { CORS_ORIGINS: 'https://sager.kommune.dk, http://localhost:5173' } });
    });
    afterAll(async () => {
      await api.close();
    });

    it('allows the listed origins only, without credentials, and answers their preflight', async () => {
      const allowed = await api.get('/read-models/cases', { headers: { origin: 'https://sager.kommune.dk' } });
      expect(allowed.headers['access-control-allow-origin']).toBe('https://sager.kommune.dk');
      expect(allowed.headers['access-control-allow-credentials']).toBeUndefined();
      expect(String(allowed.headers['access-control-expose-headers'])).toContain('ETag');
      const other = await api.get('/read-models/cases', { headers: { origin: 'https://sager.kommune.dk.evil.example' } });
      expect(other.headers['access-control-allow-origin']).toBeUndefined();

      const preflight = await api.app.inject({
        method: 'OPTIONS',
        url: `/citizen-cases/${UNKNOWN_CASE}/sanctions`,
        headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,if-match' },
      });
      expect(preflight.statusCode).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe('http://localhost:5173');
      expect(String(preflight.headers['access-control-allow-headers']).toLowerCase()).toContain('authorization');
    });
  });

  describe('with RATE_LIMIT_PER_MINUTE=3', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi({ env: { RATE_LIMIT_PER_MINUTE: '3' } });
    });
    afterAll(async () => {
      await api.close();
    });

    it('limits each user by their token subject, wherever they call from, with a 429 problem and Retry-After', async () => {
      const token = await api.token(['caseworker'], 'busy-caseworker');
      const statuses: number[] = [];
      let last;
      for (const remoteAddress of ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4']) {
        last = await api.app.inject({ method: 'GET', url: '/read-models/cases', remoteAddress, headers: { authorization: `Bearer ${token}` } });
        statuses.push(last.statusCode);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(last!.headers['content-type']).toContain('application/problem+json');
      expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
      expect(last!.json()).toMatchObject({ status: 429, code: 'REQUEST.RATE_LIMITED', title: 'Too Many Requests' });

      const colleague = await api.app.inject({ method: 'GET', url: '/read-models/cases', remoteAddress: '10.0.0.1', headers: { authorization: `Bearer ${await api.token(['caseworker'], 'other-caseworker')}` } });
      expect(colleague.statusCode).toBe(200);
    });

    it('limits callers without a valid token by their address, whatever subject a forged token names', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1) {
        const forged = `Bearer ${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: `forged-${i}` })).toString('base64url')}.x`;
        const response = await api.app.inject({ method: 'POST', url: '/citizen-cases', remoteAddress: '10.9.9.9', headers: { authorization: forged }, payload: {} });
        statuses.push(response.statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
      const elsewhere = await api.app.inject({ method: 'POST', url: '/citizen-cases', remoteAddress: '10.9.9.10', payload: {} });
      expect(elsewhere.statusCode).toBe(401);
    });
  });
});
