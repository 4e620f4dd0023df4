import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { base, type Fixture, goodAnswers, sampleForm, setUpDirectory } from './calls.fixtures.ts';

/** 2026-06-10, 12:00 in Paris (CEST, UTC+2). */
let now = new Date('2026-06-10T10:00:00Z');
let t: TestApp;
let f: Fixture;
let callId: string;

const newCall = (payload: object) =>
  t.request(f.staff, {
    method: 'POST',
    url: `${base}/calls`,
    payload: { titleFr: 'Appel', titleEn: 'Call', themes: ['mobilite', 'energie', 'sante'], form: sampleForm, ...payload },
  });

beforeAll(async () => {
  t = await createTestApp({ clock: { now: () => now } });
  f = await setUpDirectory(t);
  const res = await newCall({
    slug: 'territoire-intelligent',
    intake: 'window',
    opensLocal: '2026-06-01T09:00',
    closesLocal: '2026-06-30T23:59',
    eligibility: { organizationKinds: ['startup', 'sme'], inTerritory: true, maxCompanyAgeYears: 8, minMatchingThemes: 1 },
    documents: [{ titleFr: 'Règlement', titleEn: 'Rules', url: 'https://example.test/reglement.pdf' }],
  });
  expect(res.statusCode).toBe(201);
  callId = res.json().id;
});
afterAll(() => t.close());

describe('calls', () => {
  it('computes the window in the territory zone, with the default stages, hidden while a draft', async () => {
    const call = (await t.request(f.staff, { method: 'GET', url: `${base}/calls/${callId}/manage` })).json();
    expect(call).toMatchObject({
      status: 'draft',
      closesAt: '2026-06-30T21:59:00.000Z',
      opensAt: '2026-06-01T07:00:00.000Z',
      isOpen: false,
    });
    expect((await t.request(null, { method: 'GET', url: `${base}/calls/territoire-intelligent` })).statusCode).toBe(404);
    expect((await t.request(null, { method: 'GET', url: `${base}/calls` })).json().total).toBe(0);
  });

  it('refuses writes by members, another territory, unknown themes and a reversed window', async () => {
    expect(
      (await t.request(f.member, { method: 'POST', url: `${base}/calls`, payload: { slug: 'x-y', titleFr: 'A', titleEn: 'A' } }))
        .statusCode,
    ).toBe(403);
    const beta = await t.signIn('admin@beta.test');
    expect((await t.request(beta, { method: 'GET', url: `/api/v1/territories/alpha/calls/${callId}/manage` })).statusCode).toBe(403);
    expect((await t.request(beta, { method: 'GET', url: `/api/v1/territories/beta/calls/${callId}` })).statusCode).toBe(404);
    const unknown = await newCall({ slug: 'inconnu', themes: ['astronomie'] });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().code).toBe('unknown_theme');
    const reversed = await newCall({ slug: 'envers', intake: 'window', opensLocal: '2026-07-01T00:00', closesLocal: '2026-06-01T00:00' });
    expect(reversed.statusCode).toBe(422);
    expect(reversed.json().errors[0].path).toBe('body.closesLocal');
    const badForm = await newCall({
      slug: 'doublon',
      form: {
        sections: [
          { id: 's', titleFr: 'S', titleEn: 'S', questions: [sampleForm.sections[0]?.questions[0], sampleForm.sections[0]?.questions[0]] },
        ],
      },
    });
    expect(badForm.statusCode).toBe(422);
    expect((await t.request(f.staff, { method: 'GET', url: `${base}/calls` })).json().total).toBe(1);
  });

  it('publishes the call: public list and page show public fields only', async () => {
    const res = await t.request(f.staff, { method: 'POST', url: `${base}/calls/${callId}/status`, payload: { status: 'published' } });
    expect(res.json()).toMatchObject({ status: 'published', isOpen: true });
    const page = (await t.request(null, { method: 'GET', url: `${base}/calls/territoire-intelligent` })).json();
    expect(page.themes.map((x: { slug: string }) => x.slug)).toEqual(['mobilite', 'energie', 'sante']);
    expect(page).not.toHaveProperty('programmeId');
    expect(page).not.toHaveProperty('applicationCount');
    const again = await t.request(f.staff, { method: 'POST', url: `${base}/calls/${callId}/status`, payload: { status: 'draft' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('call_transition');
  });
});

describe('applications', () => {
  let appId: string;
  const app = (method: 'GET' | 'POST' | 'PUT', path: string, payload?: object, lang = 'fr') =>
    t.request(f.member, {
      method,
      url: `${base}/applications/${appId}${path}`,
      headers: { 'accept-language': lang },
      ...(payload ? { payload } : {}),
    });

  it('lets an affiliated person start one draft per organisation, and no one else', async () => {
    const url = `${base}/calls/${callId}/applications`;
    const res = await t.request(f.member, {
      method: 'POST',
      url,
      payload: { organizationId: f.orgs.young, answers: { summary: 'Brouillon' } },
    });
    expect(res.statusCode).toBe(201);
    appId = res.json().id;
    const dup = await t.request(f.member, { method: 'POST', url, payload: { organizationId: f.orgs.young } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('application_exists');
    const foreign = await t.request(f.member, { method: 'POST', url, payload: { organizationId: f.orgs.stranger } });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().code).toBe('not_affiliated');
    expect((await t.request(null, { method: 'POST', url, payload: { organizationId: f.orgs.young } })).statusCode).toBe(401);
    expect((await t.request(f.reviewer, { method: 'GET', url: `${base}/applications/${appId}` })).statusCode).toBe(404);
  });

  it('lists the organisations a person acts for: their current affiliations only, in their own territory', async () => {
    const listed = (await t.request(f.member, { method: 'GET', url: `${base}/my-applications` })).json().items;
    expect(listed[0]).toMatchObject({
      callTitleFr: expect.any(String),
      callTitleEn: expect.any(String),
      organization: { name: 'Mobilidée' },
    });
    const mine = await t.request(f.member, { method: 'GET', url: `${base}/my/organizations` });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.map((o: { name: string }) => o.name)).toEqual(['Mobilidée', 'Vieille Forge']);
    expect((await t.request(f.staff, { method: 'GET', url: `${base}/my/organizations` })).json().items).toEqual([]);
    expect((await t.request(null, { method: 'GET', url: `${base}/my/organizations` })).statusCode).toBe(401);
    // The same account in another territory: that territory's directory knows no affiliation of it.
    expect((await t.request(f.member, { method: 'GET', url: '/api/v1/territories/beta/my/organizations' })).json().items).toEqual([]);
  });

  it('lets a person whose organisation is not in the directory create it with their affiliation, all or nothing', async () => {
    const founder = await t.signIn(t.emailOf('council_member'));
    const url = `${base}/calls/${callId}/applications`;
    const newOrganization = { kind: 'startup', name: 'Jeune Pousse', communeInsee: '62119', foundingYear: 2025 };
    const bad = await t.request(founder, {
      method: 'POST',
      url,
      payload: { newOrganization: { ...newOrganization, siret: '12345678901234' } },
    });
    expect(bad.statusCode).toBe(422);
    const count = async () => (await t.request(f.staff, { method: 'GET', url: `${base}/directory/organizations?q=pousse` })).json().total;
    expect(await count()).toBe(0);
    const res = await t.request(founder, { method: 'POST', url, payload: { newOrganization, answers: goodAnswers } });
    expect(res.statusCode).toBe(201);
    expect(res.json().organization.name).toBe('Jeune Pousse');
    expect(await count()).toBe(1);
    const submitted = await t.request(founder, { method: 'POST', url: `${base}/applications/${res.json().id}/submit` });
    expect(submitted.json()).toMatchObject({ status: 'submitted', ineligibility: [] });
    const again = await t.request(founder, { method: 'POST', url, payload: { organizationId: res.json().organization.id } });
    expect(again.json().code).toBe('application_exists');
  });

  it('checks answers at the field, ignoring hidden questions and enforcing required ones on submission', async () => {
    const bad = await app(
      'PUT',
      '/answers',
      { answers: { summary: 'x'.repeat(501), budget: 12.5, themes: ['astronomie'], nope: 1 } },
      'en',
    );
    expect(bad.statusCode).toBe(422);
    const paths = bad
      .json()
      .errors.map((e: { path: string }) => e.path)
      .sort();
    expect(paths).toEqual(['answers.budget', 'answers.nope', 'answers.summary', 'answers.themes']);
    const incomplete = await app('POST', '/submit');
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json().errors.map((e: { path: string }) => e.path)).toContain('answers.themes');
    // `partner` shows only when resident = no: its answer is dropped, not required.
    const saved = await app('PUT', '/answers', { answers: { ...goodAnswers, partner: 'ignoré' } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().answers).not.toHaveProperty('partner');
    const submitted = await app('POST', '/submit');
    expect(submitted.json()).toMatchObject({ status: 'submitted', revision: 1, ineligibility: [] });
  });

  it('freezes the form after the first submission', async () => {
    const res = await t.request(f.staff, { method: 'PATCH', url: `${base}/calls/${callId}`, payload: { form: { sections: [] } } });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('form_locked');
    const title = await t.request(f.staff, { method: 'PATCH', url: `${base}/calls/${callId}`, payload: { titleEn: 'Smart territory' } });
    expect(title.json()).toMatchObject({ titleEn: 'Smart territory', formLocked: true });
  });

  it('makes an edit after submission revision 2, listing what changed', async () => {
    const res = await app('PUT', '/answers', { answers: { ...goodAnswers, budget: 2_000_000 } });
    expect(res.json()).toMatchObject({ status: 'submitted', revision: 2 });
    const revisions = (await app('GET', '/revisions')).json().items;
    expect(revisions.map((r: { revision: number; changed: string[] }) => [r.revision, r.changed])).toEqual([
      [1, []],
      [2, ['budget']],
    ]);
  });

  it('screens an ineligible organisation, with its reasons in the reader language', async () => {
    const url = `${base}/calls/${callId}/applications`;
    const created = await t.request(f.member, {
      method: 'POST',
      url,
      payload: { organizationId: f.orgs.old, answers: { ...goodAnswers, resident: 'no', partner: 'CCI', themes: [] } },
    });
    const id = created.json().id;
    const res = await t.request(f.member, {
      method: 'POST',
      url: `${base}/applications/${id}/submit`,
      headers: { 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(422);
    await t.request(f.member, {
      method: 'PUT',
      url: `${base}/applications/${id}/answers`,
      payload: { answers: { ...goodAnswers, resident: 'no', partner: 'CCI', themes: ['sante'] } },
    });
    const done = await t.request(f.member, {
      method: 'POST',
      url: `${base}/applications/${id}/submit`,
      headers: { 'accept-language': 'en' },
    });
    expect(done.json().status).toBe('ineligible');
    expect(done.json().ineligibility.map((r: { code: string }) => r.code)).toEqual(['location', 'company_age', 'question:resident']);
    expect(done.json().ineligibility[2].message).toBe('The project must be based in the territory.');
    const fr = await t.request(f.member, { method: 'GET', url: `${base}/applications/${id}` });
    expect(fr.json().ineligibility[2].message).toBe('Le projet doit être implanté sur le territoire.');
  });

  it('enforces the deadline in the territory zone: 23:59 local accepted, 00:00 refused', async () => {
    now = new Date('2026-06-30T21:58:30Z'); // 23:58:30 in Paris
    expect((await app('PUT', '/answers', { answers: { ...goodAnswers, budget: 2_100_000 } })).json().revision).toBe(3);
    now = new Date('2026-06-30T22:00:00Z'); // 00:00 on 1 July in Paris
    const late = await app('PUT', '/answers', { answers: goodAnswers });
    expect(late.statusCode).toBe(422);
    expect(late.json().code).toBe('call_not_open');
    expect((await app('POST', '/withdraw')).statusCode).toBe(422);
    now = new Date('2026-06-10T10:00:00Z');
  });

  it('lets the applicant withdraw before the deadline, then nothing more', async () => {
    expect((await app('POST', '/withdraw')).json().status).toBe('withdrawn');
    expect((await app('PUT', '/answers', { answers: goodAnswers })).json().code).toBe('application_locked');
    const mine = (await t.request(f.member, { method: 'GET', url: `${base}/my-applications` })).json();
    expect(mine.items.map((a: { status: string }) => a.status).sort()).toEqual(['ineligible', 'withdrawn']);
  });
});

describe('a deadline on the day clocks go forward', () => {
  it('closes at 23:59 CEST on 2026-03-29, not at 23:59 CET', async () => {
    now = new Date('2026-03-20T10:00:00Z');
    const res = await newCall({
      slug: 'printemps',
      intake: 'window',
      opensLocal: '2026-03-01T00:00',
      closesLocal: '2026-03-29T23:59',
      form: { sections: [] },
    });
    expect(res.json().closesAt).toBe('2026-03-29T21:59:00.000Z');
    await t.request(f.staff, { method: 'POST', url: `${base}/calls/printemps/status`, payload: { status: 'published' } });
    now = new Date('2026-03-29T21:58:00Z');
    expect((await t.request(null, { method: 'GET', url: `${base}/calls/printemps` })).json().isOpen).toBe(true);
    now = new Date('2026-03-29T22:30:00Z'); // 00:30 CEST on the 30th, though still the 29th in CET
    const late = await t.request(f.member, {
      method: 'POST',
      url: `${base}/calls/printemps/applications`,
      payload: { organizationId: f.orgs.young },
    });
    expect(late.statusCode).toBe(422);
    expect(late.json().code).toBe('call_not_open');
  });
});
