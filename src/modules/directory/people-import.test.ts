import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../tests/helpers/app.ts';

let t: TestApp;
let staff: Agent;
let bybe: string;
let atlas: string;
const base = '/api/v1/territories/alpha/directory';

beforeAll(async () => {
  t = await createTestApp();
  staff = await t.signIn(t.emailOf('staff'));
  const org = async (payload: object) => (await t.request(staff, { method: 'POST', url: `${base}/organizations`, payload })).json().id;
  bybe = await org({ kind: 'startup', name: 'Bybe', siret: '73282932000074' });
  atlas = await org({ kind: 'startup', name: 'Atlas', externalId: 'crm-atlas' });
  await t.request(staff, {
    method: 'POST',
    url: `${base}/people`,
    payload: { firstName: 'Jules', lastName: 'Caron', email: 'jules@example.test', legalBasis: 'contract' },
  });
});
afterAll(() => t.close());

// Reasons and messages follow Accept-Language (French without one): these tests read the English.
const en = { 'accept-language': 'en' };
const preview = (content: string) =>
  t.request(staff, { method: 'POST', url: `${base}/imports/people/preview`, payload: { content }, headers: en });
const commit = (content: string) => t.request(staff, { method: 'POST', url: `${base}/imports/people`, payload: { content }, headers: en });
const count = async () => (await t.request(staff, { method: 'GET', url: `${base}/people?pageSize=100` })).json().total as number;

const file = [
  'Prénom;Nom;Courriel;Compétences;Base légale;Identifiant externe;SIRET structure;ID externe structure;Fonction',
  'Hélène;Vasseur;helene@example.test;réalité augmentée|muséographie;intérêt légitime;crm-1;732 829 320 00074;;Fondatrice',
  'Jules;Caron;JULES@example.test;;contrat;;;crm-atlas;CTO',
  'Zoé;Martin;;;consentement;crm-3;;;',
].join('\r\n');

describe('people CSV import', () => {
  it('previews what each row would do, writing nothing', async () => {
    const res = await preview(file);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ valid: true, committed: false, summary: { create: 2, update: 1, skip: 0, error: 0 } });
    expect(res.json().rows[0]).toMatchObject({ action: 'create', organizationId: bybe, changes: ['affiliation'] });
    expect(res.json().rows[1]).toMatchObject({
      action: 'update',
      reasons: ['matched by e-mail jules@example.test'],
      organizationId: atlas,
    });
    expect(await count()).toBe(1);
  });

  it('commits people and affiliations in one transaction; the same file again changes nothing', async () => {
    const res = await commit(file);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ committed: true, summary: { create: 2, update: 1, skip: 0 } });
    const helene = (await t.request(staff, { method: 'GET', url: `${base}/people?q=vasseur` })).json().items[0];
    expect(helene).toMatchObject({ email: 'helene@example.test', legalBasis: 'legitimate_interest', externalId: 'crm-1' });
    const detail = (await t.request(staff, { method: 'GET', url: `${base}/people/${helene.id}` })).json();
    expect(detail.affiliations).toMatchObject([{ organization: { id: bybe }, title: 'Fondatrice' }]);
    const again = await commit(file);
    expect(again.json().summary).toEqual({ create: 0, update: 0, skip: 3, error: 0 });
    expect(await count()).toBe(3);
  });

  it('refuses a file with a bad row as a whole (422), with the line and column at fault', async () => {
    const bad = [
      'prenom,nom,email,base_legale,siret_structure',
      'Anne,Leroy,anne@example.test,parce que,',
      'Paul,Durand,not-an-email,contrat,',
      'Léa,Petit,lea@example.test,contrat,55210055400013',
      'Marc,Roux,marc@example.test,,',
    ].join('\n');
    const res = await commit(bad);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('import_rejected');
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'line.2.base_legale',
      'line.3.email',
      'line.4.siret_structure',
      'line.5.base_legale',
    ]);
    expect((await commit('prenom,nom\nA,B')).json().errors[0].path).toBe('line.2.legalBasis');
    const dup = await commit('prenom,nom,email,base_legale\nA,B,a@example.test,contrat\nC,D,A@example.test,contrat');
    expect(dup.json().errors).toEqual([{ path: 'line.3', code: 'duplicate_row', message: 'same person as line 2' }]);
    expect((await commit('prenom,couleur\nA,bleu')).json().code).toBe('invalid_csv');
  });

  it('is for the territory staff only', async () => {
    const beta = await t.signIn('admin@beta.test');
    expect((await t.request(beta, { method: 'POST', url: `${base}/imports/people`, payload: { content: file } })).statusCode).toBe(403);
    expect((await t.request(null, { method: 'POST', url: `${base}/imports/people/preview`, payload: { content: file } })).statusCode).toBe(
      401,
    );
  });
});
