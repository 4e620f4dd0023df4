import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';

let t: TestApp;
let themeId: string;
const staffBase = '/api/v1/territories/alpha/directory/organizations';
const publicBase = '/api/v1/territories/alpha/organizations';

type Facet = { value: string; label: string; count: number };
const names = (body: { items: { name: string }[] }) => body.items.map((o) => o.name);

beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.signIn(t.emailOf('admin'));
  themeId = (
    await t.request(admin, {
      method: 'POST',
      url: '/api/v1/territories/alpha/themes',
      payload: { slug: 'fabrication-numerique', labelFr: 'Fabrication numérique', labelEn: 'Digital fabrication' },
    })
  ).json().id;
  const all = ['commune', 'themes', 'tags', 'membershipStatus', 'description', 'sector'];
  const orgs = [
    {
      kind: 'fablab',
      name: 'FabLab Calais',
      communeInsee: '62193',
      themeIds: [themeId],
      tags: ['impression-3d'],
      membershipStatus: 'member',
    },
    {
      kind: 'incubator',
      name: 'TEKTOS',
      communeInsee: '62193',
      descriptionFr: 'Accélérateur de start-up franco-britanniques',
      membershipStatus: 'member',
    },
    { kind: 'association', name: 'Tektos business club', communeInsee: '62193', membershipStatus: 'partner' },
    { kind: 'public_body', name: 'Ville de Béthune', communeInsee: '62119', membershipStatus: 'partner' },
    {
      kind: 'fablab',
      name: 'Centrale Marseille Fab Lab',
      communeInsee: '13055',
      themeIds: [themeId],
      tags: ['impression-3d', 'robotique'],
    },
    {
      kind: 'cluster',
      name: 'Louvre Lens Vallée',
      communeInsee: '62498',
      descriptionFr: 'Cluster du numérique culturel',
      membershipStatus: 'member',
    },
    { kind: 'startup', name: 'Book d’Oreille Studio', communeInsee: '62498', tags: ['livre-audio'] },
    { kind: 'sme', name: 'Atelier confidentiel', communeInsee: '62119', tags: ['impression-3d'], isPublic: false },
    { kind: 'sme', name: 'Imprimerie du Quinconce', communeInsee: '62193', descriptionFr: 'Papeterie artisanale', publicFields: ['tags'] },
  ];
  const staff = await t.signIn(t.emailOf('staff'));
  for (const o of orgs) {
    const res = await t.request(staff, { method: 'POST', url: staffBase, payload: { isPublic: true, publicFields: all, ...o } });
    if (res.statusCode !== 201) throw new Error(res.body);
  }
});
afterAll(() => t.close());

const search = async (qs: string, staff = false) => {
  const agent = staff ? await t.signIn(t.emailOf('staff')) : null;
  const res = await t.request(agent, { method: 'GET', url: `${staff ? staffBase : publicBase}?${qs}` });
  expect(res.statusCode).toBe(200);
  return res.json();
};

describe('full-text search', () => {
  it('forgives accents and case: "bethune" finds "Béthune", "tektos" finds "TEKTOS"', async () => {
    expect(names(await search('q=bethune'))).toEqual(['Ville de Béthune']);
    expect(names(await search('q=BÉTHUNE'))).toEqual(['Ville de Béthune']);
    expect(names(await search('q=tektos'))).toEqual(['TEKTOS', 'Tektos business club']);
  });

  it('forgives spaces and hyphens: "fab lab" finds "FabLab", "fablab" finds "Fab Lab"', async () => {
    expect(names(await search('q=fab%20lab'))).toEqual(expect.arrayContaining(['FabLab Calais', 'Centrale Marseille Fab Lab']));
    expect(names(await search('q=fablab'))).toEqual(expect.arrayContaining(['FabLab Calais', 'Centrale Marseille Fab Lab']));
    expect(names(await search('q=fab-lab%20calais'))).toEqual(['FabLab Calais']);
    expect(names(await search('q=book%20doreille'))).toEqual(['Book d’Oreille Studio']);
  });

  it('forgives small typos', async () => {
    expect(names(await search('q=louvre%20lens%20valee'))).toEqual(['Louvre Lens Vallée']);
    expect(names(await search('q=tektoss'))).toContain('TEKTOS');
    expect(names(await search('q=marseile'))).toEqual(['Centrale Marseille Fab Lab']);
  });

  it('needs every word: two words joined are not taken for a typo of the first', async () => {
    // "bethunesport" is within a typo of "bethune": it must not let "bethune" alone stand for "sport".
    expect((await search('q=bethune%20sport')).total).toBe(0);
    expect(names(await search('q=bethune%20ville'))).toEqual(['Ville de Béthune']);
  });

  it('ranks the closest name first and finds words in descriptions', async () => {
    expect(names(await search('q=tektos%20business'))[0]).toBe('Tektos business club');
    expect(names(await search('q=franco-britannique'))).toEqual(['TEKTOS']);
    expect(names(await search('q=numerique%20culturel'))).toEqual(['Louvre Lens Vallée']);
  });

  it('finds nothing for unrelated words, and treats punctuation-only queries as no query', async () => {
    expect((await search('q=zzzzqqq')).total).toBe(0);
    expect((await search('q=%27%20OR%201%3D1--')).total).toBe(0);
    expect((await search('q=---')).total).toBe(8);
  });
});

describe('facets and pagination', () => {
  it('counts kinds, themes, communes, statuses and tags, each under the other filters', async () => {
    const body = await search('kind=fablab');
    expect(body.total).toBe(2);
    const count = (facet: Facet[], value: string) => facet.find((f) => f.value === value)?.count;
    // The kind facet ignores its own filter, so it still offers the other kinds.
    expect(count(body.facets.kind, 'fablab')).toBe(2);
    expect(count(body.facets.kind, 'incubator')).toBe(1);
    expect(body.facets.kind.find((f: Facet) => f.value === 'fablab').label).toBe('FabLab');
    expect(body.facets.theme).toEqual([{ value: themeId, label: 'Fabrication numérique', count: 2 }]);
    expect(body.facets.commune).toEqual(
      expect.arrayContaining([
        { value: '62193', label: 'Calais', count: 1 },
        { value: '13055', label: 'Marseille', count: 1 },
      ]),
    );
    expect(count(body.facets.tag, 'impression-3d')).toBe(2);
  });

  it('filters by theme (id or slug), commune, status and tag', async () => {
    expect((await search(`theme=${themeId}`)).total).toBe(2);
    expect((await search('theme=fabrication-numerique&commune=62193')).items.map((o: { name: string }) => o.name)).toEqual([
      'FabLab Calais',
    ]);
    expect(names(await search('status=partner'))).toEqual(['Tektos business club', 'Ville de Béthune']);
    expect(names(await search('tag=robotique'))).toEqual(['Centrale Marseille Fab Lab']);
  });

  it('paginates in name order', async () => {
    const first = await search('pageSize=3&page=1');
    const third = await search('pageSize=3&page=3');
    expect(first).toMatchObject({ total: 8, page: 1, pageSize: 3 });
    expect(names(first)).toEqual(['Book d’Oreille Studio', 'Centrale Marseille Fab Lab', 'FabLab Calais']);
    expect(names(third)).toEqual(['Tektos business club', 'Ville de Béthune']);
    const bad = await t.request(null, { method: 'GET', url: `${publicBase}?pageSize=1000` });
    expect(bad.statusCode).toBe(422);
  });

  it('shows the staff the non-public organisations too; the public never', async () => {
    expect(names(await search('q=atelier'))).toEqual([]);
    expect(names(await search('q=atelier', true))).toEqual(['Atelier confidentiel']);
    // A public organisation's words from a field it keeps private: the staff search by them, the public cannot.
    expect(names(await search('q=papeterie'))).toEqual([]);
    expect(names(await search('q=papeterie%20calais', true))).toEqual(['Imprimerie du Quinconce']);
    expect(names(await search('q=imprimerie'))).toEqual(['Imprimerie du Quinconce']);
    expect((await search('tag=impression-3d')).facets.tag.find((f: Facet) => f.value === 'impression-3d').count).toBe(2);
    expect((await search('tag=impression-3d', true)).total).toBe(3);
  });

  it('answers 404 for an unknown territory', async () => {
    const res = await t.request(null, { method: 'GET', url: '/api/v1/territories/nowhere/organizations' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('territory_not_found');
  });
});
