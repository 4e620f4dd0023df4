import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../tests/helpers/app.ts';

let t: TestApp;
let staff: Agent;
let themes: Record<string, string>;
const base = '/api/v1/territories/alpha/directory';

beforeAll(async () => {
  t = await createTestApp();
  staff = await t.signIn(t.emailOf('staff'));
  const admin = await t.signIn(t.emailOf('admin'));
  themes = {};
  for (const [slug, labelFr, labelEn] of [
    ['mobilite-intelligente', 'Mobilité intelligente', 'Smart mobility'],
    ['economie-circulaire', 'Économie circulaire', 'Circular economy'],
  ]) {
    const res = await t.request(admin, { method: 'POST', url: '/api/v1/territories/alpha/themes', payload: { slug, labelFr, labelEn } });
    themes[slug as string] = res.json().id;
  }
});
afterAll(() => t.close());

async function create(payload: Record<string, unknown>, agent: Agent | null = staff) {
  return t.request(agent, { method: 'POST', url: `${base}/organizations`, payload });
}
async function auditTotal() {
  const admin = await t.signIn(t.emailOf('admin'));
  return (await t.request(admin, { method: 'GET', url: '/api/v1/territories/alpha/audit?pageSize=1' })).json().total as number;
}

describe('organisations', () => {
  it('lets staff add an organisation: SIREN from the SIRET, commune resolved, themes checked, audited', async () => {
    const res = await create({
      kind: 'startup',
      name: 'Bybe',
      siret: '73282932000074',
      communeInsee: '62119',
      address: { street: '1 rue de la Fabrique', postalCode: '62400', city: 'Béthune' },
      website: 'https://bybe.example',
      descriptionFr: 'Met en relation piscines et maîtres-nageurs.',
      themeIds: [themes['mobilite-intelligente']],
      tags: ['Sport', 'plateforme'],
      membershipStatus: 'member',
      isPublic: true,
    });
    expect(res.statusCode).toBe(201);
    const org = res.json();
    expect(org).toMatchObject({
      siren: '732829320',
      commune: { inseeCode: '62119', name: 'Béthune', inTerritory: true },
      tags: ['sport', 'plateforme'],
      themes: [{ slug: 'mobilite-intelligente', labelFr: 'Mobilité intelligente' }],
      publicFields: ['commune', 'website', 'description', 'logoUrl', 'sector', 'themes'],
    });
    const admin = await t.signIn(t.emailOf('admin'));
    const audit = await t.request(admin, { method: 'GET', url: '/api/v1/territories/alpha/audit?pageSize=1' });
    expect(audit.json().items[0]).toMatchObject({
      action: 'create',
      entity: 'organization',
      entityId: org.id,
      actorLabel: 'staff@alpha.test',
    });
    expect(audit.json().items[0].after).not.toHaveProperty('searchText');
  });

  it('accepts a commune outside the territory and says so', async () => {
    const res = await create({ kind: 'large_company', name: 'Vivendi', communeInsee: '75056' });
    expect(res.statusCode).toBe(201);
    expect(res.json().commune).toEqual({ inseeCode: '75056', name: 'Paris', inTerritory: false });
  });

  it('refuses bad identifiers, unknown themes, communes and fields with 422 field errors, writing nothing', async () => {
    const before = await auditTotal();
    const siret = await create({ kind: 'sme', name: 'X', siret: '73282932000075' });
    expect(siret.statusCode).toBe(422);
    expect(siret.json().errors[0].path).toBe('body.siret');
    const mismatch = await create({ kind: 'sme', name: 'X', siren: '552100554', siret: '73282932000074' });
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json().errors[0].path).toBe('body.siret');
    const rna = await create({ kind: 'association', name: 'X', rna: 'W12345' });
    expect(rna.json().errors[0].path).toBe('body.rna');
    const theme = await create({ kind: 'sme', name: 'X', themeIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(theme.statusCode).toBe(422);
    expect(theme.json()).toMatchObject({ code: 'unknown_theme', errors: [{ path: 'body.themeIds.0' }] });
    const commune = await create({ kind: 'sme', name: 'X', communeInsee: '99999' });
    expect(commune.json().code).toBe('unknown_commune');
    const url = await create({ kind: 'sme', name: 'X', website: 'javascript:alert(1)' });
    expect(url.statusCode).toBe(422);
    const extra = await create({ kind: 'sme', name: 'X', territoryId: 'x' });
    expect(extra.statusCode).toBe(422);
    expect(await auditTotal()).toBe(before);
  });

  it('refuses a second organisation with the same SIRET or external id (409)', async () => {
    const first = await create({ kind: 'sme', name: 'Aditec', siret: '55210055400013', externalId: 'crm-1' });
    expect(first.statusCode).toBe(201);
    const sameSiret = await create({ kind: 'sme', name: 'Aditec bis', siret: '55210055400013' });
    expect(sameSiret.statusCode).toBe(409);
    expect(sameSiret.json().code).toBe('organization_exists');
    const sameExternal = await create({ kind: 'sme', name: 'Aditec ter', externalId: 'crm-1' });
    expect(sameExternal.statusCode).toBe(409);
  });

  it('edits and clears fields, audited with before and after; deletes with 204 then 404', async () => {
    const id = (await create({ kind: 'sme', name: 'Atlas', sector: 'Mobilité', tags: ['moto'] })).json().id;
    const patch = await t.request(staff, {
      method: 'PATCH',
      url: `${base}/organizations/${id}`,
      payload: { name: 'Atlas mobilité', sector: null, foundingYear: 2018 },
    });
    expect(patch.statusCode).toBe(200);
    expect(patch.json()).toMatchObject({ name: 'Atlas mobilité', sector: null, foundingYear: 2018, tags: ['moto'] });
    const admin = await t.signIn(t.emailOf('admin'));
    const audit = (await t.request(admin, { method: 'GET', url: '/api/v1/territories/alpha/audit?pageSize=1' })).json().items[0];
    expect(audit).toMatchObject({ action: 'update', before: { name: 'Atlas', sector: 'Mobilité' }, after: { name: 'Atlas mobilité' } });
    expect((await t.request(staff, { method: 'DELETE', url: `${base}/organizations/${id}` })).statusCode).toBe(204);
    const gone = await t.request(staff, { method: 'GET', url: `${base}/organizations/${id}` });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().code).toBe('organization_not_found');
  });

  it('asks anonymous visitors to sign in, forbids other roles and other territories', async () => {
    const id = (await create({ kind: 'sme', name: 'Confidentielle' })).json().id;
    expect((await create({ kind: 'sme', name: 'Y' }, null)).statusCode).toBe(401);
    const member = await t.signIn(t.emailOf('member'));
    expect((await create({ kind: 'sme', name: 'Y' }, member)).statusCode).toBe(403);
    expect((await t.request(member, { method: 'GET', url: `${base}/organizations/${id}` })).statusCode).toBe(403);
    const beta = await t.signIn('admin@beta.test');
    expect((await t.request(beta, { method: 'GET', url: `${base}/organizations/${id}` })).statusCode).toBe(403);
    expect((await t.request(beta, { method: 'GET', url: `${base}/organizations` })).statusCode).toBe(403);
    // In its own territory, beta's admin does not find alpha's organisation either.
    const own = await t.request(beta, { method: 'GET', url: `/api/v1/territories/beta/directory/organizations/${id}` });
    expect(own.statusCode).toBe(404);
    const patch = await t.request(beta, {
      method: 'PATCH',
      url: `/api/v1/territories/beta/directory/organizations/${id}`,
      payload: { name: 'Pris' },
    });
    expect(patch.statusCode).toBe(404);
  });
});

describe('public directory', () => {
  it('shows a public organisation with only its public fields, and hides non-public ones (404)', async () => {
    const pub = (
      await create({
        kind: 'fablab',
        name: 'FabLab Calais',
        siret: '35600000049837',
        descriptionFr: 'Impression 3D pour tous.',
        sector: 'Fabrication',
        tags: ['impression-3d'],
        isPublic: true,
        publicFields: ['description'],
      })
    ).json();
    const res = await t.request(null, { method: 'GET', url: `/api/v1/territories/alpha/organizations/${pub.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: pub.id,
      kind: 'fablab',
      name: 'FabLab Calais',
      descriptionFr: 'Impression 3D pour tous.',
      descriptionEn: null,
      jsonLd: { '@context': 'https://schema.org', '@type': 'Organization', name: 'FabLab Calais', description: 'Impression 3D pour tous.' },
    });
    const hidden = (await create({ kind: 'sme', name: 'Société discrète' })).json();
    const nope = await t.request(null, { method: 'GET', url: `/api/v1/territories/alpha/organizations/${hidden.id}` });
    expect(nope.statusCode).toBe(404);
    const list = await t.request(null, { method: 'GET', url: '/api/v1/territories/alpha/organizations?pageSize=100' });
    const names = list.json().items.map((o: { name: string }) => o.name);
    expect(names).toContain('FabLab Calais');
    expect(names).not.toContain('Société discrète');
    expect(JSON.stringify(list.json())).not.toContain('35600000049837');
  });

  it('never matches nor counts a field the organisation keeps private', async () => {
    await create({ kind: 'sme', name: 'Secrète SARL', sector: 'Cryptographie', tags: ['confidentiel'], isPublic: true, publicFields: [] });
    const bySector = await t.request(null, { method: 'GET', url: '/api/v1/territories/alpha/organizations?q=cryptographie' });
    expect(bySector.json().total).toBe(0);
    const byTag = await t.request(null, { method: 'GET', url: '/api/v1/territories/alpha/organizations?tag=confidentiel' });
    expect(byTag.json().total).toBe(0);
    const all = await t.request(null, { method: 'GET', url: '/api/v1/territories/alpha/organizations' });
    expect(all.json().facets.tag.map((f: { value: string }) => f.value)).not.toContain('confidentiel');
    const staffView = await t.request(staff, { method: 'GET', url: `${base}/organizations?q=cryptographie` });
    expect(staffView.json().items[0]).toMatchObject({ name: 'Secrète SARL', sector: 'Cryptographie' });
  });
});

describe('relationships and figures', () => {
  it('relates organisations, shows the link from both sides, refuses duplicates and self-links', async () => {
    const club = (await create({ kind: 'association', name: 'Tektos business club' })).json().id;
    const acc = (await create({ kind: 'incubator', name: 'Tektos accélérateur' })).json().id;
    const payload = { sourceId: club, targetId: acc, kind: 'accompanies', startedOn: '2013-06-01' };
    const res = await t.request(staff, { method: 'POST', url: `${base}/relationships`, payload });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'accompanies',
      source: { name: 'Tektos business club' },
      target: { name: 'Tektos accélérateur' },
    });
    expect((await t.request(staff, { method: 'POST', url: `${base}/relationships`, payload })).statusCode).toBe(409);
    const self = await t.request(staff, { method: 'POST', url: `${base}/relationships`, payload: { ...payload, targetId: club } });
    expect(self.statusCode).toBe(422);
    const dates = await t.request(staff, {
      method: 'POST',
      url: `${base}/relationships`,
      payload: { ...payload, kind: 'funds', endedOn: '2012-01-01' },
    });
    expect(dates.statusCode).toBe(422);
    const fromClub = (await t.request(staff, { method: 'GET', url: `${base}/organizations/${club}` })).json();
    expect(fromClub.relationships).toMatchObject([
      { direction: 'outgoing', kind: 'accompanies', other: { id: acc }, startedOn: '2013-06-01' },
    ]);
    const fromAcc = (await t.request(staff, { method: 'GET', url: `${base}/organizations/${acc}/relationships` })).json();
    expect(fromAcc).toMatchObject({ total: 1, items: [{ direction: 'incoming', other: { id: club } }] });
    const del = await t.request(staff, { method: 'DELETE', url: `${base}/relationships/${res.json().id}` });
    expect(del.statusCode).toBe(204);
    expect((await t.request(staff, { method: 'DELETE', url: `${base}/relationships/${res.json().id}` })).statusCode).toBe(404);
  });

  it('keeps the history of figures and shows the latest of each', async () => {
    const id = (await create({ kind: 'startup', name: 'Urbik' })).json().id;
    const add = (payload: object) => t.request(staff, { method: 'POST', url: `${base}/organizations/${id}/metrics`, payload });
    expect((await add({ metric: 'headcount', value: 4, asOf: '2015-01-01', source: 'déclaratif' })).statusCode).toBe(201);
    expect((await add({ metric: 'headcount', value: 9, asOf: '2016-06-30' })).statusCode).toBe(201);
    expect((await add({ metric: 'funds_raised', value: 15_000_000, asOf: '2016-03-01', source: 'presse' })).statusCode).toBe(201);
    expect((await add({ metric: 'revenue_band', band: '100k_500k', asOf: '2016-12-31' })).statusCode).toBe(201);
    expect((await add({ metric: 'revenue_band', value: 5, asOf: '2016-12-31' })).statusCode).toBe(422);
    expect((await add({ metric: 'headcount', value: -1, asOf: '2016-12-31' })).statusCode).toBe(422);
    const org = (await t.request(staff, { method: 'GET', url: `${base}/organizations/${id}` })).json();
    expect(org.latestMetrics).toMatchObject({
      headcount: { value: 9, asOf: '2016-06-30' },
      funds_raised: { value: 15_000_000, source: 'presse' },
      revenue_band: { band: '100k_500k' },
    });
    const history = await t.request(staff, { method: 'GET', url: `${base}/organizations/${id}/metrics?metric=headcount&pageSize=1` });
    expect(history.json()).toMatchObject({ total: 2, pageSize: 1, items: [{ value: 9 }] });
  });
});

describe('duplicates and tags', () => {
  it('merges a duplicate: values filled in, tags, themes, links and figures moved, duplicate gone', async () => {
    const kept = (await create({ kind: 'cluster', name: 'Cluster du territoire intelligent', tags: ['smart-city'] })).json().id;
    const dup = (
      await create({
        kind: 'cluster',
        name: 'Cluster territoire intelligent',
        website: 'https://cluster.example',
        tags: ['cluster'],
        themeIds: [themes['economie-circulaire']],
      })
    ).json();
    const partner = (await create({ kind: 'association', name: 'Aditec 62' })).json().id;
    await t.request(staff, {
      method: 'POST',
      url: `${base}/relationships`,
      payload: { sourceId: partner, targetId: dup.id, kind: 'partners_with' },
    });
    await t.request(staff, {
      method: 'POST',
      url: `${base}/organizations/${dup.id}/metrics`,
      payload: { metric: 'headcount', value: 3, asOf: '2020-01-01' },
    });
    const res = await t.request(staff, { method: 'POST', url: `${base}/organizations/${kept}/merge`, payload: { duplicateId: dup.id } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: 'Cluster du territoire intelligent',
      website: 'https://cluster.example',
      tags: ['smart-city', 'cluster'],
      themes: [{ slug: 'economie-circulaire' }],
      latestMetrics: { headcount: { value: 3 } },
    });
    expect((await t.request(staff, { method: 'GET', url: `${base}/organizations/${dup.id}` })).statusCode).toBe(404);
    const detail = (await t.request(staff, { method: 'GET', url: `${base}/organizations/${kept}` })).json();
    expect(detail.relationships).toMatchObject([{ direction: 'incoming', kind: 'partners_with', other: { id: partner } }]);
    const self = await t.request(staff, { method: 'POST', url: `${base}/organizations/${kept}/merge`, payload: { duplicateId: kept } });
    expect(self.statusCode).toBe(422);
  });

  it('adds and removes tags in bulk, and refuses unknown organisations without writing', async () => {
    const a = (await create({ kind: 'startup', name: 'Book d’Oreille Studio', tags: ['audio'] })).json().id;
    const b = (await create({ kind: 'sme', name: 'Audace', tags: ['jeux'] })).json().id;
    const res = await t.request(staff, {
      method: 'POST',
      url: `${base}/organizations/tags`,
      payload: { organizationIds: [a, b], add: ['Laureat-2014'], remove: ['jeux'] },
    });
    expect(res.json()).toEqual({ updated: 2 });
    const found = await t.request(staff, { method: 'GET', url: `${base}/organizations?tag=laureat-2014` });
    expect(found.json().items.map((o: { tags: string[] }) => o.tags)).toEqual([['laureat-2014'], ['audio', 'laureat-2014']]);
    const before = await auditTotal();
    const bad = await t.request(staff, {
      method: 'POST',
      url: `${base}/organizations/tags`,
      payload: { organizationIds: [a, '00000000-0000-4000-8000-000000000000'], add: ['x'] },
    });
    expect(bad.statusCode).toBe(404);
    expect(await auditTotal()).toBe(before);
  });
});
