import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../tests/helpers/app.ts';

let t: TestApp;
let staff: Agent;
let admin: Agent;
let publicOrg: string;
let privateOrg: string;
const base = '/api/v1/territories/alpha/directory';

beforeAll(async () => {
  t = await createTestApp();
  staff = await t.signIn(t.emailOf('staff'));
  admin = await t.signIn(t.emailOf('admin'));
  const org = (payload: object) => t.request(staff, { method: 'POST', url: `${base}/organizations`, payload });
  publicOrg = (await org({ kind: 'cluster', name: 'Louvre Lens Vallée', isPublic: true })).json().id;
  privateOrg = (await org({ kind: 'sme', name: 'Studio confidentiel' })).json().id;
});
afterAll(() => t.close());

const person = {
  firstName: 'Hélène',
  lastName: 'Vasseur',
  email: 'Helene.Vasseur@example.test',
  phone: '+33 6 12 34 56 78',
  skills: ['réalité augmentée', 'muséographie'],
  languages: ['fr', 'en'],
  offers: ['expertise'],
  seeks: ['co_founder'],
  legalBasis: 'legitimate_interest',
  purpose: "Suivi de l'accompagnement",
};

async function createPerson(payload: object = person) {
  return t.request(staff, { method: 'POST', url: `${base}/people`, payload });
}
async function affiliate(personId: string, organizationId: string, title = 'Fondatrice') {
  return t.request(staff, {
    method: 'POST',
    url: `${base}/people/${personId}/affiliations`,
    payload: { organizationId, title, startedOn: '2015-05-01' },
  });
}
async function auditItems(pageSize = 200) {
  return (await t.request(admin, { method: 'GET', url: `/api/v1/territories/alpha/audit?pageSize=${pageSize}` })).json().items as {
    action: string;
    entity: string;
    entityId: string;
    before: unknown;
    after: unknown;
  }[];
}

describe('people', () => {
  it('records a person with a legal basis and their affiliations, seen from both sides', async () => {
    const res = await createPerson();
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({
      email: 'helene.vasseur@example.test',
      legalBasis: 'legitimate_interest',
      publicProfile: false,
      consentAt: null,
    });
    const link = await affiliate(p.id, publicOrg);
    expect(link.statusCode).toBe(201);
    expect(link.json()).toMatchObject({
      title: 'Fondatrice',
      organization: { name: 'Louvre Lens Vallée' },
      person: { lastName: 'Vasseur' },
    });
    const detail = (await t.request(staff, { method: 'GET', url: `${base}/people/${p.id}` })).json();
    expect(detail).toMatchObject({ affiliationCount: 1, affiliations: [{ startedOn: '2015-05-01' }] });
    const org = (await t.request(staff, { method: 'GET', url: `${base}/organizations/${publicOrg}` })).json();
    expect(org.affiliations).toMatchObject([{ person: { id: p.id }, title: 'Fondatrice' }]);
  });

  it('refuses a duplicate e-mail (409), bad input (422), and affiliations to unknown organisations (404)', async () => {
    const dup = await createPerson({ ...person, email: 'HELENE.vasseur@example.test' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('person_exists');
    expect((await createPerson({ ...person, email: 'not-an-email' })).statusCode).toBe(422);
    expect((await createPerson({ ...person, email: undefined, legalBasis: 'because' })).statusCode).toBe(422);
    expect((await createPerson({ ...person, email: undefined, languages: ['français'] })).statusCode).toBe(422);
    const other = (await createPerson({ firstName: 'Jules', lastName: 'Caron', legalBasis: 'contract' })).json().id;
    const unknown = await affiliate(other, '00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
    const dates = await t.request(staff, {
      method: 'POST',
      url: `${base}/people/${other}/affiliations`,
      payload: { organizationId: publicOrg, startedOn: '2020-01-01', endedOn: '2019-01-01' },
    });
    expect(dates.statusCode).toBe(422);
  });

  it('finds people whatever the accents, and by exact e-mail for staff', async () => {
    const byName = await t.request(staff, { method: 'GET', url: `${base}/people?q=helene` });
    expect(byName.json().items.map((p: { lastName: string }) => p.lastName)).toEqual(['Vasseur']);
    const typo = await t.request(staff, { method: 'GET', url: `${base}/people?q=vaseur` });
    expect(typo.json().items.map((p: { lastName: string }) => p.lastName)).toEqual(['Vasseur']);
    const bySkill = await t.request(staff, { method: 'GET', url: `${base}/people?q=museographie&offers=expertise` });
    expect(bySkill.json().total).toBe(1);
    const byEmail = await t.request(staff, { method: 'GET', url: `${base}/people?q=helene.vasseur@example.test` });
    expect(byEmail.json().total).toBe(1);
  });

  it('keeps people from anonymous visitors, other roles and other territories', async () => {
    const id = (await t.request(staff, { method: 'GET', url: `${base}/people?q=vasseur` })).json().items[0].id;
    expect((await t.request(null, { method: 'GET', url: `${base}/people` })).statusCode).toBe(401);
    const member = await t.signIn(t.emailOf('member'));
    expect((await t.request(member, { method: 'GET', url: `${base}/people/${id}` })).statusCode).toBe(403);
    const beta = await t.signIn('admin@beta.test');
    expect((await t.request(beta, { method: 'GET', url: `${base}/people/${id}` })).statusCode).toBe(403);
    expect((await t.request(beta, { method: 'GET', url: `/api/v1/territories/beta/directory/people/${id}` })).statusCode).toBe(404);
    expect((await t.request(beta, { method: 'GET', url: `/api/v1/territories/beta/directory/people?q=vasseur` })).json().total).toBe(0);
  });
});

describe('public profiles and consent', () => {
  it('refuses a public profile without consent, then shows it without contact details once consented', async () => {
    const id = (await t.request(staff, { method: 'GET', url: `${base}/people?q=vasseur` })).json().items[0].id;
    await affiliate(id, privateOrg, 'Conseillère');
    const refused = await t.request(staff, { method: 'PATCH', url: `${base}/people/${id}`, payload: { publicProfile: true } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'consent_required', errors: [{ path: 'body.publicProfile' }] });
    expect((await t.request(null, { method: 'GET', url: `/api/v1/territories/alpha/people/${id}` })).statusCode).toBe(404);

    const ok = await t.request(staff, {
      method: 'PATCH',
      url: `${base}/people/${id}`,
      payload: { consentPublicProfile: true, publicProfile: true },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().consentAt).not.toBeNull();
    const profile = await t.request(null, { method: 'GET', url: `/api/v1/territories/alpha/people/${id}` });
    expect(profile.statusCode).toBe(200);
    expect(profile.json()).toMatchObject({ firstName: 'Hélène', affiliations: [{ organization: { name: 'Louvre Lens Vallée' } }] });
    expect(profile.body).not.toContain('example.test');
    expect(profile.body).not.toContain('Studio confidentiel');
    const list = await t.request(null, { method: 'GET', url: '/api/v1/territories/alpha/people?q=vasseur' });
    expect(list.json().total).toBe(1);
    expect((await t.request(null, { method: 'GET', url: '/api/v1/territories/alpha/people?q=caron' })).json().total).toBe(0);

    const withdrawn = await t.request(staff, { method: 'PATCH', url: `${base}/people/${id}`, payload: { consentPublicProfile: false } });
    expect(withdrawn.json().publicProfile).toBe(false);
    expect((await t.request(null, { method: 'GET', url: `/api/v1/territories/alpha/people/${id}` })).statusCode).toBe(404);
  });
});

describe('RGPD: access and erasure', () => {
  it('exports everything held on a person as JSON, and records the export', async () => {
    const id = (await t.request(staff, { method: 'GET', url: `${base}/people?q=vasseur` })).json().items[0].id;
    const res = await t.request(staff, { method: 'GET', url: `${base}/people/${id}/export` });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.person).toMatchObject({ email: 'helene.vasseur@example.test', phone: '+33 6 12 34 56 78' });
    expect(doc.affiliations).toHaveLength(2);
    expect(doc.auditTrail.map((e: { action: string; entity: string }) => `${e.action} ${e.entity}`)).toEqual(
      expect.arrayContaining(['create person', 'create affiliation', 'update person']),
    );
    expect((await auditItems(1))[0]).toMatchObject({ action: 'export', entity: 'person', entityId: id });
    expect((await t.request(staff, { method: 'GET', url: `${base}/people/00000000-0000-4000-8000-000000000000/export` })).statusCode).toBe(
      404,
    );
  });

  it('lets only admins erase; erasure anonymises the person and scrubs their audit trail, and is audited', async () => {
    const id = (await t.request(staff, { method: 'GET', url: `${base}/people?q=vasseur` })).json().items[0].id;
    expect((await t.request(staff, { method: 'POST', url: `${base}/people/${id}/erase` })).statusCode).toBe(403);
    expect(JSON.stringify(await auditItems())).toContain('Vasseur');
    const res = await t.request(admin, { method: 'POST', url: `${base}/people/${id}/erase` });
    expect(res.statusCode).toBe(200);
    expect(res.json().auditEntriesScrubbed).toBeGreaterThanOrEqual(5);
    const trail = await auditItems();
    const text = JSON.stringify(trail);
    for (const trace of ['Vasseur', 'Hélène', 'helene.vasseur', '12 34 56', 'muséographie', 'Fondatrice'])
      expect(text).not.toContain(trace);
    expect(trail[0]).toMatchObject({ action: 'erase', entity: 'person', entityId: id });
    expect((await t.request(staff, { method: 'GET', url: `${base}/people/${id}` })).statusCode).toBe(404);
    expect((await t.request(staff, { method: 'GET', url: `${base}/people?q=vasseur` })).json().total).toBe(0);
    const org = (await t.request(staff, { method: 'GET', url: `${base}/organizations/${publicOrg}` })).json();
    expect(org.affiliationCount).toBe(0);
    const exported = (await t.request(staff, { method: 'GET', url: `${base}/people/${id}/export` })).json();
    expect(exported.person).toMatchObject({ firstName: 'Personne', lastName: 'effacée', email: null, phone: null, skills: [] });
    expect((await t.request(admin, { method: 'POST', url: `${base}/people/${id}/erase` })).statusCode).toBe(404);
  });
});
