import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../tests/helpers/app.ts';

let t: TestApp;
let staff: Agent;
let admin: Agent;
const base = '/api/v1/territories/alpha/directory';

beforeAll(async () => {
  t = await createTestApp();
  staff = await t.signIn(t.emailOf('staff'));
  admin = await t.signIn(t.emailOf('admin'));
  await t.request(admin, {
    method: 'POST',
    url: '/api/v1/territories/alpha/themes',
    payload: { slug: 'industrie-du-futur', labelFr: 'Industrie du futur', labelEn: 'Industry of the future' },
  });
  await t.request(staff, {
    method: 'POST',
    url: `${base}/organizations`,
    payload: { kind: 'sme', name: 'Aditec', siret: '55210055400013', sector: 'Conseil' },
  });
});
afterAll(() => t.close());

// Reasons and messages follow Accept-Language (French without one): these tests read the English.
const en = { 'accept-language': 'en' };
const preview = (content: string, encoding = 'text') =>
  t.request(staff, { method: 'POST', url: `${base}/imports/organizations/preview`, payload: { content, encoding }, headers: en });
const commit = (content: string, encoding = 'text') =>
  t.request(staff, { method: 'POST', url: `${base}/imports/organizations`, payload: { content, encoding }, headers: en });
const state = async () => {
  const orgs = (await t.request(staff, { method: 'GET', url: `${base}/organizations?pageSize=100` })).json();
  const audit = (await t.request(admin, { method: 'GET', url: '/api/v1/territories/alpha/audit?pageSize=1' })).json();
  return {
    orgs: orgs.total as number,
    audit: audit.total as number,
    updated: orgs.items.map((o: { updatedAt: string }) => o.updatedAt).join(),
  };
};

const file = [
  'Nom;Type;SIRET;Code INSEE;Thématiques;Étiquettes;Statut;Public;Identifiant externe',
  'Bybe;start-up;73282932000074;62119;industrie-du-futur;sport|plateforme;membre;oui;',
  'Aditec;association;55210055400013;62119;;;partenaire;non;',
  'Atlas;Start-up;;62119;Industrie du futur;mobilite;prospect;non;crm-atlas',
  'Ville de Béthune;collectivité;;62119;;;partenaire;oui;',
].join('\r\n');

describe('CSV import', () => {
  it('previews row by row what would happen and why, writing nothing', async () => {
    const before = await state();
    const res = await preview(file);
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({
      valid: true,
      committed: false,
      delimiter: ';',
      encoding: 'utf-8',
      summary: { create: 3, update: 1, skip: 0 },
    });
    expect(report.rows[0]).toMatchObject({ line: 2, action: 'create', name: 'Bybe', reasons: ['new SIRET or external id'] });
    expect(report.rows[1]).toMatchObject({ line: 3, action: 'update', reasons: ['matched by SIRET 55210055400013'] });
    expect(report.rows[1].changes).toEqual(expect.arrayContaining(['kind', 'communeInsee', 'membershipStatus']));
    expect(report.rows[3]).toMatchObject({ action: 'create', reasons: ['no organisation with this name'] });
    expect(await state()).toEqual(before);
  });

  it('commits in one transaction, audited; importing the same file again changes nothing', async () => {
    const res = await commit(file);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ committed: true, summary: { create: 3, update: 1, skip: 0, error: 0 } });
    const bybe = (await t.request(staff, { method: 'GET', url: `${base}/organizations?q=bybe` })).json().items[0];
    expect(bybe).toMatchObject({
      kind: 'startup',
      siren: '732829320',
      tags: ['sport', 'plateforme'],
      membershipStatus: 'member',
      isPublic: true,
    });
    expect(bybe.themes).toMatchObject([{ slug: 'industrie-du-futur' }]);
    const audit = (await t.request(admin, { method: 'GET', url: '/api/v1/territories/alpha/audit?pageSize=1' })).json().items[0];
    expect(audit).toMatchObject({ action: 'import', entity: 'organization_import', after: { create: 3, update: 1 } });

    const before = await state();
    const again = await commit(file);
    expect(again.json()).toMatchObject({ summary: { create: 0, update: 0, skip: 4 } });
    expect(again.json().rows.map((r: { reasons: string[] }) => r.reasons.at(-1))).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
      'unchanged',
    ]);
    expect(await state()).toEqual(before);
  });

  it('refuses a file with a bad row as a whole: row and column errors, nothing written', async () => {
    const before = await state();
    const bad = ['nom,type,siret,annee_creation', 'Urbik,startup,73282932000075,2014', 'Audace,pme,,deux mille', 'Canopé,ovni,,'].join(
      '\n',
    );
    const p = (await preview(bad)).json();
    expect(p).toMatchObject({ valid: false, delimiter: ',', summary: { error: 3 } });
    const res = await commit(bad);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('import_rejected');
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(['line.2.siret', 'line.3.annee_creation', 'line.4.type']);
    const half = ['nom,type', 'Pictanovo,association', 'Pictanovo,association'].join('\n');
    expect((await commit(half)).json().errors).toEqual([{ path: 'line.3', code: 'duplicate_row', message: 'same organisation as line 2' }]);
    expect(await state()).toEqual(before);
  });

  it('refuses unreadable files: unknown or missing columns, broken quotes, bad base64', async () => {
    const unknown = await commit('nom,type,couleur\nA,sme,bleu');
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ code: 'invalid_csv', errors: [{ path: 'header.couleur', code: 'unknown_column' }] });
    expect((await commit('ville\nCalais')).json().errors.map((e: { code: string }) => e.code)).toEqual([
      'missing_column',
      'missing_column',
    ]);
    const quotes = await preview('nom,type\n"Tektos,incubator\n');
    expect(quotes.statusCode).toBe(422);
    expect(quotes.json().code).toBe('invalid_csv');
    expect((await commit('%%%', 'base64')).statusCode).toBe(422);
  });

  it('reads Windows-1252 and UTF-8 with BOM, with either separator', async () => {
    const latin = Buffer.from("nom;type;ville\nCCI Côte d'Opale;chambre_de_commerce;Calais\n", 'latin1').toString('base64');
    const res = await commit(latin, 'base64');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ encoding: 'windows-1252', summary: { create: 1 }, rows: [{ name: "CCI Côte d'Opale" }] });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('nom,type\nUniversité du Littoral Côte d’Opale,école\n')]);
    const utf = await commit(bom.toString('base64'), 'base64');
    expect(utf.json()).toMatchObject({ encoding: 'utf-8-bom', delimiter: ',', rows: [{ name: 'Université du Littoral Côte d’Opale' }] });
    const found = (await t.request(staff, { method: 'GET', url: `${base}/organizations?q=cote%20opale` })).json();
    expect(found.items.map((o: { name: string; kind: string }) => `${o.name}/${o.kind}`).sort()).toEqual([
      "CCI Côte d'Opale/chamber_of_commerce",
      'Université du Littoral Côte d’Opale/school',
    ]);
  });

  it('is for the territory staff only', async () => {
    const beta = await t.signIn('admin@beta.test');
    expect((await t.request(beta, { method: 'POST', url: `${base}/imports/organizations`, payload: { content: file } })).statusCode).toBe(
      403,
    );
    const member = await t.signIn(t.emailOf('member'));
    expect((await t.request(member, { method: 'GET', url: `${base}/exports/organizations.csv` })).statusCode).toBe(403);
    expect((await t.request(null, { method: 'GET', url: `${base}/exports/organizations.csv` })).statusCode).toBe(401);
  });
});

describe('CSV export', () => {
  beforeAll(async () => {
    const res = await t.request(staff, {
      method: 'POST',
      url: `${base}/organizations`,
      payload: { kind: 'startup', name: '=HYPERLINK("http://evil.example")', descriptionFr: '+33 6 12 34 56 78', externalId: 'x-1' },
    });
    const id = res.json().id;
    await t.request(staff, {
      method: 'POST',
      url: `${base}/organizations/${id}/metrics`,
      payload: { metric: 'funds_raised', value: 15_000_050, asOf: '2016-03-01' },
    });
  });

  it('writes French Excel CSV: BOM, semicolons, decimal comma, French dates and labels, formulas neutralised', async () => {
    const res = await t.request(staff, { method: 'GET', url: `${base}/exports/organizations.csv?profile=excel` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('alpha-organisations-excel.csv');
    const body = res.body;
    expect(body.startsWith('\ufeffnom;type;raison_sociale;siren;siret')).toBe(true);
    expect(body).toContain('\r\n');
    const line = body.split('\r\n').find((l) => l.includes('HYPERLINK')) ?? '';
    expect(line.startsWith(`"'=HYPERLINK(""http://evil.example"")";Start-up;`)).toBe(true);
    expect(line).toContain(";'+33 6 12 34 56 78;");
    expect(line).toContain(';150000,50;');
    expect(line).toMatch(/;\d{2}\/\d{2}\/\d{4}$/);
    expect(body).toContain('Bybe;Start-up;;732829320;73282932000074;');
  });

  it('writes open data CSV with commas, codes, ISO dates and a decimal point, which imports back unchanged', async () => {
    const res = await t.request(staff, { method: 'GET', url: `${base}/exports/organizations.csv?profile=open_data&kind=startup` });
    const body = res.body;
    expect(body.startsWith('name,kind,legal_name,')).toBe(true);
    expect(body).not.toContain('\r\n');
    const line = body.split('\n').find((l) => l.includes('HYPERLINK')) ?? '';
    expect(line).toContain(',startup,');
    expect(line).toContain(',150000.50,');
    expect(line).toMatch(/,\d{4}-\d{2}-\d{2}$/);
    expect(body.split('\n').filter(Boolean)).toHaveLength(4);
    const back = await commit(body);
    expect(back.json().summary).toEqual({ create: 0, update: 0, skip: 3, error: 0 });
    const excel = (await t.request(staff, { method: 'GET', url: `${base}/exports/organizations.csv` })).body;
    expect((await commit(excel)).json().summary).toMatchObject({ create: 0, update: 0, error: 0 });
  });
});
