import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { BODY_LIMIT: '4096' } });
});
afterAll(() => t.close());

const problem = (
  res: { headers: Record<string, unknown>; json(): { status: number; code: string; title: string } },
  status: number,
  code: string,
) => {
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  expect(res.json()).toMatchObject({ status, code });
  expect(res.json().title.length).toBeGreaterThan(5);
};

describe('HTTP platform', () => {
  it('answers /healthz and /readyz with the engine and no pending migration', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', pendingMigrations: 0 });
  });

  it('echoes a sane X-Request-Id and generates one otherwise', async () => {
    const given = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'abc-123' } });
    expect(given.headers['x-request-id']).toBe('abc-123');
    const hostile = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': '<script>' } });
    expect(hostile.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('turns every kind of bad request into problem+json, never a 5xx', async () => {
    const root = await t.signIn('root@platform.test');
    problem(await t.request(null, { method: 'GET', url: '/api/v1/nothing-here' }), 404, 'not_found');
    problem(
      await t.request(root, {
        method: 'POST',
        url: '/api/v1/territories',
        headers: { 'content-type': 'application/json' },
        payload: '{"slug":',
      }),
      400,
      'malformed_body',
    );
    problem(
      await t.request(root, { method: 'POST', url: '/api/v1/territories', headers: { 'content-type': 'text/csv' }, payload: 'a;b' }),
      415,
      'unsupported_media_type',
    );
    problem(
      await t.request(root, { method: 'POST', url: '/api/v1/territories', payload: { slug: 'big', name: 'x'.repeat(10_000) } }),
      413,
      'body_too_large',
    );
    problem(
      await t.request(root, { method: 'POST', url: '/api/v1/territories', payload: { slug: 42, name: ['x'] } }),
      422,
      'validation_failed',
    );
    problem(await t.request(root, { method: 'DELETE', url: '/api/v1/territories/alpha/themes/not-a-uuid' }), 422, 'validation_failed');
    problem(await t.request(null, { method: 'GET', url: '/api/v1/territories/alpha/members?page=-1' }), 422, 'validation_failed');
  });

  it('lists field errors with their path for validation failures, in the requested language', async () => {
    const root = await t.signIn('root@platform.test');
    const res = await t.request(root, {
      method: 'POST',
      url: '/api/v1/territories',
      headers: { 'accept-language': 'en' },
      payload: { slug: 'Not A Slug', name: 'x' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().title).toBe('Some of the data is invalid.');
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.name', 'body.slug']);
  });

  it('words the field errors in French or English, keeping a contract’s own message as written', async () => {
    const root = await t.signIn('root@platform.test');
    const send = (lang: string) =>
      t.request(root, {
        method: 'POST',
        url: '/api/v1/territories/alpha/bookings/series',
        headers: { 'accept-language': lang },
        payload: { resourceId: 'x', start: '2026', durationMinutes: 'long', rrule: 'FREQ=DAILY' },
      });
    const messages = async (lang: string) =>
      Object.fromEntries(((await send(lang)).json().errors as { path: string; message: string }[]).map((e) => [e.path, e.message]));
    expect(await messages('fr')).toEqual({
      'body.resourceId': 'UUID invalide',
      'body.start': 'YYYY-MM-DDTHH:MM',
      'body.durationMinutes': 'Entrée invalide : nombre attendu, chaîne de caractères reçu',
    });
    expect(await messages('en-GB')).toEqual({
      'body.resourceId': 'Invalid UUID',
      'body.start': 'YYYY-MM-DDTHH:MM',
      'body.durationMinutes': 'Invalid input: expected number, received string',
    });
    const missing = await t.request(root, { method: 'POST', url: '/api/v1/territories', payload: { slug: 'gamma' } });
    expect(missing.json().errors).toEqual([{ path: 'body.name', code: 'invalid_type', message: 'Champ obligatoire' }]);
  });

  it('publishes an OpenAPI 3.1 document of every API route, with the problem schema', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    for (const r of t.app.totemRoutes) expect(documented).toContain(`${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
    expect(doc.components.schemas).toHaveProperty('Problem');
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
  });
});
