import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('territories', () => {
  it('lists territories publicly with their commune counts', async () => {
    const res = await t.request(null, { method: 'GET', url: '/api/v1/territories' });
    expect(res.statusCode).toBe(200);
    const alpha = res.json().items.find((x: { slug: string }) => x.slug === 'alpha');
    expect(alpha).toMatchObject({ name: 'Alpha', timeZone: 'Europe/Paris', epciSiren: '200072460', communeCount: 100 });
  });

  it('shows a territory with its communes from the administrative dataset', async () => {
    const res = await t.request(null, { method: 'GET', url: '/api/v1/territories/alpha/communes' });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((c: { name: string }) => c.name)).toContain('Béthune');
  });

  it('answers 404 problem+json in French or English for an unknown territory', async () => {
    const fr = await t.request(null, { method: 'GET', url: '/api/v1/territories/nowhere' });
    expect(fr.statusCode).toBe(404);
    expect(fr.headers['content-type']).toContain('application/problem+json');
    expect(fr.json()).toMatchObject({ code: 'territory_not_found', title: 'Territoire introuvable.' });
    const en = await t.request(null, {
      method: 'GET',
      url: '/api/v1/territories/nowhere',
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect(en.json().title).toBe('Territory not found.');
  });

  it('lets a territory admin add a theme, audited, and refuses a duplicate with 409', async () => {
    const admin = await t.signIn(t.emailOf('admin'));
    const payload = { slug: 'economie-circulaire', labelFr: 'Économie circulaire', labelEn: 'Circular economy' };
    const res = await t.request(admin, { method: 'POST', url: '/api/v1/territories/alpha/themes', payload });
    expect(res.statusCode).toBe(201);
    const again = await t.request(admin, { method: 'POST', url: '/api/v1/territories/alpha/themes', payload });
    expect(again.statusCode).toBe(409);
    const audit = await t.request(admin, { method: 'GET', url: '/api/v1/territories/alpha/audit?pageSize=5' });
    expect(audit.json().items[0]).toMatchObject({ action: 'create', entity: 'theme', actorLabel: 'admin@alpha.test' });
  });

  it('refuses unknown fields, bad slugs and an unknown time zone with 422 and writes nothing', async () => {
    const admin = await t.signIn(t.emailOf('admin'));
    const before = (await t.request(admin, { method: 'GET', url: '/api/v1/territories/alpha/audit' })).json().total;
    const extra = await t.request(admin, { method: 'PATCH', url: '/api/v1/territories/alpha', payload: { name: 'X Y', admin: true } });
    expect(extra.statusCode).toBe(422);
    expect(extra.json().errors[0].path).toBe('body');
    const tz = await t.request(admin, { method: 'PATCH', url: '/api/v1/territories/alpha', payload: { timeZone: 'Mars/Olympus' } });
    expect(tz.statusCode).toBe(422);
    expect(tz.json().errors[0].path).toBe('body.timeZone');
    const after = (await t.request(admin, { method: 'GET', url: '/api/v1/territories/alpha/audit' })).json().total;
    expect(after).toBe(before);
  });

  it("forbids a territory's admin from editing another territory", async () => {
    const other = await t.signIn('admin@beta.test');
    const res = await t.request(other, { method: 'PATCH', url: '/api/v1/territories/alpha', payload: { name: 'Taken over' } });
    expect(res.statusCode).toBe(403);
    const get = await t.request(null, { method: 'GET', url: '/api/v1/territories/alpha' });
    expect(get.json().name).toBe('Alpha');
  });

  it('lets only platform admins create territories; the communes come from the EPCI', async () => {
    const admin = await t.signIn(t.emailOf('admin'));
    const payload = { slug: 'lens-lievin', name: 'Lens-Liévin', epciSiren: '246200364' };
    expect((await t.request(admin, { method: 'POST', url: '/api/v1/territories', payload })).statusCode).toBe(403);
    const root = await t.signIn('root@platform.test');
    const res = await t.request(root, { method: 'POST', url: '/api/v1/territories', payload });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ epciName: 'CA de Lens - Liévin', communeCount: 36 });
    const unknown = await t.request(root, {
      method: 'POST',
      url: '/api/v1/territories',
      payload: { slug: 'x-y', name: 'XY', epciSiren: '123456789' },
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().code).toBe('unknown_epci');
  });
});
