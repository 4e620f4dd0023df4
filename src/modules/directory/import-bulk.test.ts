import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../tests/helpers/app.ts';

/** Files larger than a chunk of statements, and the language of what an import says. */
let t: TestApp;
let staff: Agent;
let admin: Agent;
const base = '/api/v1/territories/alpha/directory';
const en = { 'accept-language': 'en' };

beforeAll(async () => {
  t = await createTestApp();
  staff = await t.signIn(t.emailOf('staff'));
  admin = await t.signIn(t.emailOf('admin'));
  await t.request(admin, {
    method: 'POST',
    url: '/api/v1/territories/alpha/themes',
    payload: { slug: 'numerique', labelFr: 'Numérique', labelEn: 'Digital' },
  });
});
afterAll(() => t.close());

const post = (url: string, content: string, headers: Record<string, string> = en) =>
  t.request(staff, { method: 'POST', url: `${base}/${url}`, payload: { content }, headers });
const auditTotal = async () =>
  (await t.request(admin, { method: 'GET', url: '/api/v1/territories/alpha/audit?pageSize=2' })).json() as {
    total: number;
    items: { action: string; entity: string; before: Record<string, unknown> | null; after: Record<string, unknown> }[];
  };

const organizations = (n: number, sector = (i: number) => `Secteur ${i % 7}`) =>
  [
    'nom;type;code_insee;secteur;thematiques;etiquettes;identifiant_externe',
    ...Array.from(
      { length: n },
      (_, i) => `Structure ${i};${i % 2 ? 'pme' : 'start-up'};62119;${sector(i)};${i % 3 ? '' : 'numerique'};a|b;bulk-${i}`,
    ),
  ].join('\n');

describe('a large organisation import', () => {
  it('imports 2,000 rows in one transaction, one audit entry each, and importing them again changes nothing', async () => {
    const before = await auditTotal();
    const res = await post('imports/organizations', organizations(2000));
    expect(res.statusCode).toBe(200);
    expect(res.json().summary).toEqual({ create: 2000, update: 0, skip: 0, error: 0 });
    expect(new Set(res.json().rows.map((r: { organizationId: string }) => r.organizationId)).size).toBe(2000);
    const after = await auditTotal();
    expect(after.total - before.total).toBe(2001);
    expect(after.items[1]).toMatchObject({ action: 'create', entity: 'organization', after: { name: 'Structure 1999', tags: ['a', 'b'] } });
    const found = (await t.request(staff, { method: 'GET', url: `${base}/organizations?q=structure%201998` })).json();
    expect(found.items[0]).toMatchObject({ name: 'Structure 1998', commune: { inseeCode: '62119', inTerritory: true } });
    expect(found.items[0].themes).toMatchObject([{ slug: 'numerique' }]);

    const again = await post('imports/organizations', organizations(2000));
    expect(again.json().summary).toEqual({ create: 0, update: 0, skip: 2000, error: 0 });
    expect((await auditTotal()).total).toBe(after.total);
  });

  it('updates only the rows that changed, with their state before and after in the audit log', async () => {
    const before = await auditTotal();
    const res = await post(
      'imports/organizations',
      organizations(2000, (i) => (i === 1500 ? 'Robotique' : `Secteur ${i % 7}`)),
    );
    expect(res.json().summary).toEqual({ create: 0, update: 1, skip: 1999, error: 0 });
    expect(res.json().rows[1500]).toMatchObject({ action: 'update', changes: ['sector'], reasonCodes: ['matched_external_id'] });
    const after = await auditTotal();
    expect(after.total - before.total).toBe(2);
    expect(after.items[1]).toMatchObject({
      action: 'update',
      before: { name: 'Structure 1500', sector: 'Secteur 2' },
      after: { name: 'Structure 1500', sector: 'Robotique' },
    });
  });

  it('refuses a second line reaching an organisation already written by another line', async () => {
    const file = ['nom;type;identifiant_externe', 'Structure 5;pme;', 'Autre nom;pme;bulk-5'].join('\n');
    const res = await post('imports/organizations/preview', file);
    expect(res.json().rows[1]).toMatchObject({ action: 'error', errors: [{ path: 'line.3', code: 'duplicate_row' }] });
  });

  it('reads a list cell as a set: repeats and order change nothing on a second import', async () => {
    const file = 'nom;type;etiquettes;thematiques;identifiant_externe\nListes;pme;b|a|B;numerique|Numérique;lists-1';
    expect((await post('imports/organizations', file)).json().summary).toMatchObject({ create: 1 });
    const again = 'nom;type;etiquettes;thematiques;identifiant_externe\nListes;pme;a|b;numerique;lists-1';
    expect((await post('imports/organizations', again)).json().summary).toMatchObject({ create: 0, update: 0, skip: 1 });
    expect((await post('imports/organizations', file)).json().summary).toMatchObject({ update: 0, skip: 1 });
  });

  it('audits each new organisation as the API then shows it, its themes in the territory’s order', async () => {
    for (const [slug, labelFr] of [
      ['zones-humides', 'Zones humides'],
      ['agriculture', 'Agriculture'],
    ]) {
      await t.request(admin, { method: 'POST', url: '/api/v1/territories/alpha/themes', payload: { slug, labelFr, labelEn: slug } });
    }
    const file = 'nom;type;thematiques;identifiant_externe\nMarais Vivants;association;zones-humides|numerique|agriculture;marais-1';
    const res = await post('imports/organizations', file);
    expect(res.json().summary).toMatchObject({ create: 1 });
    const id = res.json().rows[0].organizationId as string;
    const shown = (await t.request(staff, { method: 'GET', url: `${base}/organizations/${id}` })).json();
    expect(shown.themes.map((th: { slug: string }) => th.slug)).toEqual(['agriculture', 'numerique', 'zones-humides']);
    // The page adds the organisation's people and relationships to the record the audit keeps.
    const { affiliations, affiliationCount, relationships, relationshipCount, ...record } = shown;
    expect({ affiliations, relationships }).toEqual({ affiliations: [], relationships: [] });
    const audited = (await auditTotal()).items[1];
    expect(audited).toMatchObject({ action: 'create', entity: 'organization' });
    expect(audited?.after).toEqual(record);
  });

  it('shows in the preview a SIRET that does not begin with the SIREN', async () => {
    const res = await post('imports/organizations/preview', 'nom;type;siren;siret\nBybe;start-up;552100554;73282932000074');
    expect(res.json().rows[0]).toMatchObject({ action: 'error', errors: [{ path: 'line.2.siret', code: 'siret_siren_mismatch' }] });
  });
});

describe('the language of an import', () => {
  it('gives reasons and errors in French by default, in English on request, each with a stable code', async () => {
    const file = ['nom;type;identifiant_externe', 'Structure 1;pme;bulk-1', 'Nouvelle;pme;', 'Ovni;soucoupe;'].join('\n');
    const fr = (await post('imports/organizations/preview', file, {})).json();
    expect(fr.rows[0]).toMatchObject({
      reasons: ['rapprochée par son identifiant externe bulk-1', 'sans changement'],
      reasonCodes: ['matched_external_id', 'unchanged'],
    });
    expect(fr.rows[1]).toMatchObject({ reasons: ['aucune structure de ce nom'], reasonCodes: ['name_unknown'] });
    expect(fr.rows[2].errors[0]).toMatchObject({ path: 'line.4.type', code: 'invalid_value' });
    expect(fr.rows[2].errors[0].message).toContain('type de structure inconnu');
    const english = (await post('imports/organizations/preview', file)).json();
    expect(english.rows[0].reasons).toEqual(['matched by external id bulk-1', 'unchanged']);
    expect(english.rows[0].reasonCodes).toEqual(fr.rows[0].reasonCodes);

    const refused = await post('imports/organizations', file, { 'accept-language': 'fr-FR,fr;q=0.9' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'import_rejected', detail: '1 erreur(s) : rien n’a été importé' });
    const header = await post('imports/organizations', 'nom;couleur\nA;bleu', {});
    expect(header.json().errors).toEqual([
      { path: 'header.couleur', code: 'unknown_column', message: 'colonne inconnue « couleur »' },
      { path: 'header', code: 'missing_column', message: 'une colonne « type » est obligatoire' },
    ]);
  });

  it('names an unknown theme once', async () => {
    const res = (await post('imports/organizations/preview', 'nom;type;thematiques\nA;pme;numerique|espace', {})).json();
    expect(res.rows[0].errors).toEqual([
      { path: 'line.2.thematiques', code: 'unknown_theme', message: 'aucune thématique « espace » sur ce territoire' },
    ]);
  });

  it('refuses another territory’s theme, by slug or by id, and writes nothing', async () => {
    const beta = await t.signIn('admin@beta.test');
    const theirs = await t.request(beta, {
      method: 'POST',
      url: '/api/v1/territories/beta/themes',
      payload: { slug: 'littoral-beta', labelFr: 'Littoral', labelEn: 'Coast' },
    });
    expect(theirs.statusCode).toBe(201);
    const before = await auditTotal();
    for (const named of ['littoral-beta', theirs.json().id as string]) {
      const res = await post('imports/organizations', `nom;type;thematiques\nPort Voisin;pme;numerique|${named}`, {});
      expect(res.statusCode).toBe(422);
      expect(res.json().errors).toEqual([
        { path: 'line.2.thematiques', code: 'unknown_theme', message: `aucune thématique « ${named} » sur ce territoire` },
      ]);
    }
    expect((await auditTotal()).total).toBe(before.total);
    const found = await t.request(staff, { method: 'GET', url: `${base}/organizations?q=port%20voisin` });
    expect(found.json().total).toBe(0);
  });

  it('speaks French in a people import too', async () => {
    const file = ['prenom;nom;email;base_legale;identifiant_externe_structure', 'Léa;Petit;lea@example.test;contrat;inconnue'].join('\n');
    const res = (await post('imports/people/preview', file, {})).json();
    expect(res.rows[0].errors).toEqual([
      { path: 'line.2.identifiant_externe_structure', code: 'not_found', message: 'aucune structure avec l’identifiant externe inconnue' },
    ]);
  });
});

describe('a large people import', () => {
  it('imports 1,200 people with their affiliations, and importing them again changes nothing', async () => {
    const file = [
      'prenom;nom;email;base_legale;identifiant_externe_structure;fonction',
      ...Array.from({ length: 1200 }, (_, i) => `Prénom${i};Nom${i};p${i}@example.test;interet legitime;bulk-${i % 50};Poste ${i}`),
    ].join('\n');
    const before = await auditTotal();
    const res = await post('imports/people', file);
    expect(res.statusCode).toBe(200);
    expect(res.json().summary).toEqual({ create: 1200, update: 0, skip: 0, error: 0 });
    expect((await auditTotal()).total - before.total).toBe(2401);
    const org = res.json().rows[0].organizationId;
    const people = (await t.request(staff, { method: 'GET', url: `${base}/people?organizationId=${org}&pageSize=100` })).json();
    expect(people.total).toBe(24);
    const again = await post('imports/people', file);
    expect(again.json().summary).toEqual({ create: 0, update: 0, skip: 1200, error: 0 });
    expect(again.json().rows[0].reasonCodes).toEqual(['matched_email', 'unchanged']);
  });
});
