import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { compactFacetCounts, countedFacets } from './facet-counts.ts';
import { refreshSearchFields, searchFieldsOf } from './organization-dto.ts';
import { ZOrganizationSearchQuery } from './search.contract.ts';
import { planSearch } from './search.ts';
import { byCodePoint, runSearch, scan } from './search-query.ts';

let t: TestApp;
let staff: Agent;
let alphaId: string;
let betaId: string;
const base = '/api/v1/territories/alpha/directory';
const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;

beforeAll(async () => {
  t = await createTestApp();
  staff = await t.signIn(t.emailOf('staff'));
  alphaId = (await t.request(null, { method: 'GET', url: '/api/v1/territories/alpha' })).json().id;
  betaId = (await t.request(null, { method: 'GET', url: '/api/v1/territories/beta' })).json().id;
});
afterAll(() => t.close());

/**
 * Rows of `organization_search` that differ from what the organisations and their themes say now,
 * in either direction (a missing copy, a stale one, a copy left behind), across all territories.
 */
async function outOfStep(): Promise<unknown[]> {
  return t.deps.database.transaction({ system: true }, async (tx) =>
    rows(
      await tx.execute(sql`
      WITH expected AS (
        SELECT o.id AS organization_id, o.territory_id, o.is_public, o.kind, o.membership_status, o.commune_insee, o.commune_name,
          o.tags, coalesce((SELECT array_agg(ot.theme_id ORDER BY ot.theme_id) FROM organization_themes ot
            WHERE ot.organization_id = o.id), '{}') AS theme_ids,
          'membershipStatus' = ANY(o.public_fields) AS shows_status, 'commune' = ANY(o.public_fields) AS shows_commune,
          'tags' = ANY(o.public_fields) AS shows_tags, 'themes' = ANY(o.public_fields) AS shows_themes,
          o.name, o.territory_id AS words_territory_id, o.is_public AS words_public, o.search_name,
          o.search_words AS words
        FROM organizations o),
      -- The words' copy holds the same facet columns as organization_search: it must agree with it.
      actual AS (
        SELECT organization_id, s.territory_id, s.is_public, s.kind, s.membership_status, s.commune_insee, s.commune_name, s.tags,
          s.theme_ids, s.shows_status, s.shows_commune, s.shows_tags, s.shows_themes, s.name, w.territory_id, w.is_public,
          w.search_name, w.words
        FROM organization_search s FULL JOIN organization_search_words w USING (organization_id)
        WHERE (w.kind, w.membership_status, w.commune_insee, w.commune_name, w.tags, w.theme_ids, w.shows_status,
            w.shows_commune, w.shows_tags, w.shows_themes, w.name)
          IS NOT DISTINCT FROM (s.kind, s.membership_status, s.commune_insee, s.commune_name, s.tags, s.theme_ids,
            s.shows_status, s.shows_commune, s.shows_tags, s.shows_themes, s.name))
      (SELECT 'missing or stale' AS problem, e.organization_id::text AS id FROM (SELECT * FROM expected EXCEPT SELECT * FROM actual) e)
      UNION ALL
      (SELECT 'left behind or stale', a.organization_id::text FROM (SELECT * FROM actual EXCEPT SELECT * FROM expected) a)`),
    ),
  );
}

/**
 * Facet counts (summed changes in `organization_facet_counts`) that differ from what the
 * organisations, their themes and public fields say now, counted here from scratch for both
 * audiences, across all territories.
 */
async function countsOutOfStep(): Promise<unknown[]> {
  return t.deps.database.transaction({ system: true }, async (tx) =>
    rows(
      await tx.execute(sql`
      WITH o AS (
        SELECT o.territory_id, o.is_public, o.kind, o.membership_status, o.commune_insee, o.commune_name, o.tags,
          coalesce((SELECT array_agg(ot.theme_id) FROM organization_themes ot WHERE ot.organization_id = o.id), '{}') AS themes,
          'membershipStatus' = ANY(o.public_fields) AS ss, 'commune' = ANY(o.public_fields) AS sc,
          'tags' = ANY(o.public_fields) AS st, 'themes' = ANY(o.public_fields) AS sh
        FROM organizations o),
      a AS (SELECT o.*, aud FROM o CROSS JOIN unnest(ARRAY['staff', 'public']) AS aud WHERE aud = 'staff' OR o.is_public),
      expected AS (
        SELECT territory_id, aud, 'total' AS facet, '' AS value, NULL::text AS label, count(*)::int AS n, count(*)::int AS seen
        FROM a GROUP BY 1, 2
        UNION ALL SELECT territory_id, aud, 'kind', kind, NULL, count(*)::int, count(*)::int FROM a GROUP BY 1, 2, 4
        UNION ALL SELECT territory_id, aud, 'status', membership_status, NULL, count(*)::int, count(*)::int FROM a
          WHERE aud = 'staff' OR ss GROUP BY 1, 2, 4
        UNION ALL SELECT territory_id, aud, 'commune', commune_insee, commune_name, (count(*) FILTER (WHERE aud = 'staff' OR sc))::int,
          count(*)::int FROM a WHERE commune_insee IS NOT NULL GROUP BY 1, 2, 4, 5
        UNION ALL SELECT territory_id, aud, 'tag', tag, NULL, count(*)::int, count(*)::int FROM a CROSS JOIN unnest(a.tags) AS tag
          WHERE aud = 'staff' OR st GROUP BY 1, 2, 4
        UNION ALL SELECT territory_id, aud, 'theme', theme::text, NULL, count(*)::int, count(*)::int FROM a
          CROSS JOIN unnest(a.themes) AS theme WHERE aud = 'staff' OR sh GROUP BY 1, 2, 4),
      actual AS (
        SELECT territory_id, audience, facet, value, label, sum(n)::int, sum(seen)::int FROM organization_facet_counts
        GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0 OR sum(seen) <> 0)
      (SELECT 'missing or wrong' AS problem, e.* FROM (SELECT * FROM expected EXCEPT SELECT * FROM actual) e)
      UNION ALL
      (SELECT 'left behind or wrong', a.* FROM (SELECT * FROM actual EXCEPT SELECT * FROM expected) a)`),
    ),
  );
}

/** Both copies and the facet counts agree with the organisations. */
async function inStep() {
  expect(await outOfStep()).toEqual([]);
  expect(await countsOutOfStep()).toEqual([]);
}

const create = async (payload: Record<string, unknown>) => {
  const res = await t.request(staff, { method: 'POST', url: `${base}/organizations`, payload: { isPublic: true, ...payload } });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
};
const copies = async () =>
  Number(
    rows<{ n: number }>(
      await t.deps.database.transaction({ system: true }, (tx) => tx.execute(sql`SELECT count(*)::int AS n FROM organization_search`)),
    )[0]?.n,
  );

describe('the search table, in step with the organisations', () => {
  it('follows creation, edits, themes, tags in bulk, merging, deletion and imports', async () => {
    const admin = await t.signIn(t.emailOf('admin'));
    const themeRes = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/territories/alpha/themes',
      payload: { slug: 'tiers-lieux', labelFr: 'Tiers-lieux', labelEn: 'Third places' },
    });
    const themeId = themeRes.json().id as string;
    const kept = await create({ kind: 'fablab', name: 'Fabrique Synchrone', communeInsee: '62193', themeIds: [themeId], tags: ['laser'] });
    const dup = await create({ kind: 'fablab', name: 'La Fabrique Synchrone', tags: ['bois'], descriptionFr: 'Menuiserie partagée' });
    await inStep();

    const edit = await t.request(staff, {
      method: 'PATCH',
      url: `${base}/organizations/${kept}`,
      payload: { name: 'Fabrique Synchrone Calais', membershipStatus: 'member', publicFields: ['tags'], themeIds: [] },
    });
    expect(edit.statusCode).toBe(200);
    await inStep();

    const hidden = await t.request(staff, {
      method: 'PATCH',
      url: `${base}/organizations/${dup}`,
      payload: { isPublic: false, communeInsee: '62119', membershipStatus: 'partner' },
    });
    expect(hidden.statusCode).toBe(200);
    await inStep();
    await t.request(staff, { method: 'PATCH', url: `${base}/organizations/${dup}`, payload: { isPublic: true } });
    await inStep();

    const tagged = await t.request(staff, {
      method: 'POST',
      url: `${base}/organizations/tags`,
      payload: { organizationIds: [kept, dup], add: ['atelier'], remove: ['bois'] },
    });
    expect(tagged.statusCode).toBe(200);
    await inStep();

    await t.request(staff, { method: 'PATCH', url: `${base}/organizations/${dup}`, payload: { themeIds: [themeId] } });
    const merged = await t.request(staff, { method: 'POST', url: `${base}/organizations/${kept}/merge`, payload: { duplicateId: dup } });
    expect(merged.statusCode).toBe(200);
    await inStep();
    expect((await t.request(staff, { method: 'GET', url: `${base}/organizations?q=menuiserie` })).json().items[0]?.id).toBe(kept);

    const removed = await t.request(admin, { method: 'DELETE', url: `/api/v1/territories/alpha/themes/${themeId}` });
    expect(removed.statusCode).toBe(204);
    await inStep();

    const before = await copies();
    expect((await t.request(staff, { method: 'DELETE', url: `${base}/organizations/${kept}` })).statusCode).toBe(204);
    expect(await copies()).toBe(before - 1);
    await inStep();

    // An import writes new organisations with their themes in one statement: the themes reach the
    // search tables, and the search fields hold their labels as a later refresh would compute them.
    const coast = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/territories/alpha/themes',
      payload: { slug: 'littoral', labelFr: 'Économie littorale', labelEn: 'Coastal economy' },
    });
    expect(coast.statusCode).toBe(201);
    const file = [
      'Nom;Type;Code INSEE;Étiquettes;Statut;Public;Thématiques',
      'Atelier Marée;fablab;62193;maree|bois;membre;oui;littoral',
      'Port Atelier;startup;;;prospect;oui;littoral|Tiers-lieux neufs',
      'Dune Studio;startup;;;prospect;oui;',
    ].join('\r\n');
    const refused = await t.request(staff, { method: 'POST', url: `${base}/imports/organizations`, payload: { content: file } });
    expect(refused.statusCode).toBe(422);
    const fixed = file.replace('littoral|Tiers-lieux neufs', 'littoral|Économie littorale');
    const imported = await t.request(staff, { method: 'POST', url: `${base}/imports/organizations`, payload: { content: fixed } });
    expect(imported.statusCode).toBe(200);
    await inStep();
    const found = (await t.request(staff, { method: 'GET', url: `${base}/organizations?q=maree&tag=bois` })).json();
    expect(found.items.map((o: { name: string }) => o.name)).toEqual(['Atelier Marée']);
    const coastal = (await t.request(staff, { method: 'GET', url: `${base}/organizations?q=coastal` })).json();
    expect(coastal.items.map((o: { name: string }) => o.name)).toEqual(['Atelier Marée', 'Port Atelier']);
    expect(coastal.facets.theme).toEqual([{ value: coast.json().id, label: 'Économie littorale', count: 2 }]);
    const fields = () =>
      t.deps.database.transaction({ system: true }, async (tx) =>
        rows(await tx.execute(sql`SELECT id, search_name, search_words, search_joined FROM organizations ORDER BY id`)),
      );
    const written = await fields();
    const ids = (written as { id: string }[]).map((r) => r.id);
    await t.deps.database.transaction({ system: true }, (tx) => refreshSearchFields(tx, ids));
    expect(await fields()).toEqual(written);

    // Folding the changes keeps every sum and leaves one row per value.
    const changes = async () =>
      rows<{ n: number }>(
        await t.deps.database.transaction({ system: true }, (tx) =>
          tx.execute(sql`SELECT count(*)::int AS n FROM organization_facet_counts`),
        ),
      )[0]?.n ?? 0;
    const unfolded = await changes();
    await t.deps.database.transaction({ system: true }, compactFacetCounts);
    await inStep();
    expect(await changes()).toBeLessThan(unfolded);
    const repeated = await t.deps.database.transaction({ system: true }, async (tx) =>
      rows(
        await tx.execute(sql`SELECT territory_id, audience, facet, value, label FROM organization_facet_counts
          GROUP BY 1, 2, 3, 4, 5 HAVING count(*) > 1`),
      ),
    );
    expect(repeated).toEqual([]);
  });
});

describe('the territory’s words', () => {
  it('are plain when the document holds them as they are, not when only the name run together makes them', async () => {
    const vocabulary = async () =>
      Object.fromEntries(
        rows<{ word: string; plain: boolean }>(
          await t.deps.database.transaction({ territoryId: alphaId }, (tx) =>
            tx.execute(
              sql`SELECT word, plain FROM search_words WHERE word LIKE 'verveine%' OR word LIKE 'cobalt%' OR word = 'ardoiseverveine'`,
            ),
          ),
        ).map((r) => [r.word, r.plain]),
      );
    const created = await t.request(staff, {
      method: 'POST',
      url: `${base}/organizations`,
      payload: { kind: 'sme', name: 'Verveine Cobalt', descriptionFr: 'Cobaltverveine, marque déposée' },
    });
    expect(created.statusCode).toBe(201);
    const file = ['Nom;Type;Description', 'Ardoise Verveine;sme;Une ardoise'].join('\r\n');
    expect((await t.request(staff, { method: 'POST', url: `${base}/imports/organizations`, payload: { content: file } })).statusCode).toBe(
      200,
    );
    // "verveinecobalt" is the name run together (a search for "verveine cobalt" finds it as one word),
    // "cobaltverveine" is a word of the description, "ardoiseverveine" only the imported name's pair.
    expect(await vocabulary()).toEqual({
      verveine: true,
      cobalt: true,
      verveinecobalt: false,
      cobaltverveine: true,
      ardoiseverveine: false,
    });
  });
});

describe('an organisation’s search fields', () => {
  it('are the name, audience-marked words and vocabulary flags the earlier functions made, for many rows at once', async () => {
    // [name, the text of the fields shown, that of the others, public?]: accents, ligatures, hyphens
    // and apostrophes, punctuation at either end, a name that normalises to nothing, missing text,
    // digits, repeats, a word both shown and hidden, the whole name run together in a field.
    const cases: [string, string | null, string | null, boolean | null][] = [
      ['FabLab Calais – site industriel', 'Impression 3D', 'découpe laser', true],
      ['Œuvres d’Art-Béthune', null, 'ŒUVRE ß straße İstanbul e\u0301cole', true],
      ['-- TEKTOS --', '', '', true],
      ['!!!', '', '...', true],
      ['!!!', null, null, false],
      ['?', 'Solo', null, true],
      ['Bybe', 'bybe BYBE bybe', 'BYBE', true],
      ['Atlas 2026 numérique', "l'atlas", '- numérique ; 2026', false],
      ['Louvre Lens Vallée', 'Lens Liévin patrimoine numérique', 'Lens   Liévin\tpatrimoine\nnumérique', null],
      ['a b c', 'c', 'abc ab bc', true],
    ];
    const json = JSON.stringify(cases.map(([name, shown, hidden, isPublic], id) => ({ id, name, shown, hidden, is_public: isPublic })));
    const input = sql`json_to_recordset(${json}::json) AS v(id int, name text, shown text, hidden text, is_public boolean)`;
    const r = await t.deps.database.transaction({ system: true }, (tx) =>
      tx.execute(sql`
        SELECT o.search_name = f.search_name AS name,
          -- The public document's words as they are, then every other word of the document marked (migration 0016).
          f.search_words = w.public || ARRAY(SELECT '~' || x FROM unnest(w.every) AS x WHERE x <> ALL (w.public)) AS words,
          -- Not plain: not in the document as they are, or the whole name run together when it has several words.
          f.joined = ARRAY(SELECT DISTINCT x FROM unnest(w.every) AS x WHERE position(' ' || x || ' ' IN ' ' || o.doc || ' ') = 0
            OR (x = replace(o.search_name, ' ', '') AND position(' ' IN o.search_name) > 0) ORDER BY x) AS joined
        FROM ${input}
        CROSS JOIN LATERAL (SELECT totem_search_doc(v.name, concat_ws(' ', v.shown, v.hidden)) AS doc,
          CASE WHEN v.is_public THEN totem_search_doc(v.name, v.shown) ELSE '' END AS pub, totem_normalize(v.name) AS search_name) o
        CROSS JOIN LATERAL (SELECT totem_search_words(v.name, o.doc) AS every, totem_search_words(v.name, o.pub) AS public) w
        JOIN ${searchFieldsOf(sql`SELECT * FROM ${input}`)} ON f.id = v.id
        ORDER BY v.id`),
    );
    const same = { name: true, words: true, joined: true };
    expect(rows(r)).toEqual(cases.map(() => same));
  });
});

describe('a page of organisations whose name holds the query', () => {
  it('is the page ranking every matched organisation gives, whatever the page, filter or audience', async () => {
    const named = ['Quasar', 'Quasar Nord', 'Atelier Quasar', 'Forge Quasar Nord', 'Studio Quasar', 'Lab Quasar'];
    for (const [i, name] of named.entries()) await create({ kind: i % 2 ? 'sme' : 'startup', name, isPublic: i !== 3 });
    for (const [i, name] of ['Abeille', 'Nord Conseil', 'Zèbre', 'Mouette'].entries()) {
      await create({ kind: i % 2 ? 'sme' : 'startup', name, descriptionFr: 'Partenaire du réseau quasar du Nord' });
    }
    const queries = [
      { q: 'quasar', pageSize: 2, page: 1 },
      { q: 'quasar', pageSize: 2, page: 3 },
      { q: 'quasar', pageSize: 4, page: 2 },
      { q: 'quasar', pageSize: 20 },
      { q: 'quasar', kind: 'sme', pageSize: 2 },
      { q: 'quasar', kind: 'sme', pageSize: 2, page: 2 },
      { q: 'quasar', pageSize: 3, page: 3 },
      { q: 'quasar', pageSize: 2, page: 9 },
      { q: 'quasar nord', pageSize: 2, page: 2 },
      { q: 'quasarr', pageSize: 3 },
    ].map((q) => ZOrganizationSearchQuery.parse(q));
    for (const audience of ['public', 'staff'] as const) {
      for (const query of queries) {
        const [plan, fromNames, ranked] = await t.deps.database.transaction({ territoryId: alphaId }, async (tx) => {
          const plan = await planSearch(tx, alphaId, query, audience);
          return [plan, await scan(tx, plan, query, 'fr'), await scan(tx, { ...plan, named: null }, query, 'fr')];
        });
        // Two words that a name also runs together ("quasarnord") stand for more than themselves: all are ranked.
        expect({ audience, query, named: plan.named !== null }).toEqual({ audience, query, named: query.q !== 'quasar nord' });
        expect({ audience, query, ...fromNames }).toEqual({ audience, query, ...ranked });
        // Past the last page (9), nothing either way.
        expect({ query, found: fromNames.ids.length > 0 }).toEqual({ query, found: query.page < 9 });
      }
    }
    // A word standing for several (a prefix) ranks the organisations holding it as it is higher: all are ranked.
    const prefix = await t.deps.database.transaction({ territoryId: alphaId }, (tx) =>
      planSearch(tx, alphaId, ZOrganizationSearchQuery.parse({ q: 'quas' }), 'public'),
    );
    expect(prefix.named).toBeNull();
  });
});

describe('the kept facet counts', () => {
  it('break ties in the order of the "C" collation, by code point, beyond the 16-bit ones too', () => {
    // UTF-16 code units would put the emoji (a surrogate pair) before U+FB00 and U+FFFF.
    const words = ['\u{1F600}', '\uFFFF', '\uFB00', 'é', 'a', 'Z', 'ab', '', 'e\u0301', '\u{1F600}a'];
    const utf8 = [...words].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    expect([...words].sort(byCodePoint)).toEqual(utf8);
    expect(utf8.slice(-4)).toEqual(['\uFB00', '\uFFFF', '\u{1F600}', '\u{1F600}a']);
  });

  it('answer searches without words exactly as counting the organisations does, for both audiences', async () => {
    const admin = await t.signIn(t.emailOf('admin'));
    const theme = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/territories/alpha/themes',
      payload: { slug: 'energie', labelFr: 'Énergie', labelEn: 'Energy' },
    });
    const themeId = theme.json().id as string;
    const every = ['commune', 'themes', 'tags', 'membershipStatus'];
    await create({
      kind: 'startup',
      name: 'Volt Opale',
      communeInsee: '62193',
      themeIds: [themeId],
      tags: ['ia', 'iot'],
      publicFields: every,
    });
    await create({ kind: 'startup', name: 'Watt Artois', communeInsee: '62119', themeIds: [themeId], tags: ['ia'], publicFields: [] });
    await create({
      kind: 'sme',
      name: 'Ampère Calais',
      communeInsee: '62193',
      tags: ['iot'],
      membershipStatus: 'member',
      publicFields: every,
    });
    await create({ kind: 'sme', name: 'Ohm confidentiel', communeInsee: '62193', tags: ['ia'], isPublic: false });
    const queries = [
      {},
      { kind: 'startup' },
      { status: 'member' },
      { commune: '62193' },
      { tag: 'ia' },
      { theme: 'energie' },
      { theme: 'inconnu' },
      { kind: 'sme', pageSize: 1, page: 2 },
    ].map((q) => ZOrganizationSearchQuery.parse(q));
    for (const audience of ['public', 'staff'] as const) {
      for (const query of queries) {
        for (const locale of ['fr', 'en'] as const) {
          const [kept, counted] = await t.deps.database.transaction({ territoryId: alphaId }, async (tx) => {
            const plan = await planSearch(tx, alphaId, query, audience);
            return [await runSearch(tx, plan, query, locale), await scan(tx, plan, query, locale)];
          });
          expect({ audience, query, locale, ...kept }).toEqual({ audience, query, locale, ...counted });
        }
      }
    }
  });

  it('are read and written only in the transaction’s territory', async () => {
    const visible = (territoryId: string | null) =>
      t.deps.database.transaction({ territoryId }, async (tx) =>
        rows<{ territory_id: string }>(await tx.execute(sql`SELECT DISTINCT territory_id FROM organization_facet_counts`)),
      );
    expect(await visible(alphaId)).toEqual([{ territory_id: alphaId }]);
    expect((await visible(betaId)).every((r) => r.territory_id === betaId)).toBe(true);
    expect(await visible(null)).toEqual([]);
    await expect(
      t.deps.database.transaction({ territoryId: alphaId }, (tx) =>
        tx.execute(sql`INSERT INTO organization_facet_counts (territory_id, audience, facet, value, n, seen)
          VALUES (${betaId}, 'public', 'total', '', 1000, 1000)`),
      ),
    ).rejects.toThrow();
    // Deleting a territory deletes its organisations, whose counts' changes must not outlive it.
    const gone = await t.deps.database.transaction({ system: true }, async (tx) => {
      const [territory] = rows<{ id: string }>(
        await tx.execute(sql`INSERT INTO territories (slug, name, time_zone) VALUES ('gamma', 'Gamma', 'Europe/Paris') RETURNING id`),
      );
      await tx.execute(sql`INSERT INTO organizations (territory_id, kind, name) VALUES (${territory?.id}, 'sme', 'Éphémère')`);
      await tx.execute(sql`DELETE FROM territories WHERE id = ${territory?.id}`);
      return rows(await tx.execute(sql`SELECT * FROM organization_facet_counts WHERE territory_id = ${territory?.id}`));
    });
    expect(gone).toEqual([]);
    const alpha = await t.deps.database.transaction({ territoryId: alphaId }, (tx) => countedFacets(tx, alphaId, 'staff', 'fr'));
    const beta = await t.deps.database.transaction({ territoryId: alphaId }, (tx) => countedFacets(tx, betaId, 'staff', 'fr'));
    expect(alpha.total).toBeGreaterThan(0);
    expect(beta.total).toBe(0);
  });
});

describe('the search table, isolated by territory', () => {
  it('shows a transaction only its territory’s rows, matches and words', async () => {
    const words = sql.raw(`'{quokka,isolement}'::text[]`);
    const ids = await t.deps.database.transaction({ system: true }, async (tx) =>
      rows<{ id: string }>(
        await tx.execute(sql`INSERT INTO organizations (territory_id, kind, name, search_name, search_words, is_public)
          VALUES (${alphaId}, 'startup', 'Quokka Alpha', 'quokka alpha', ${words}, true),
                 (${betaId}, 'startup', 'Quokka Beta', 'quokka beta', ${words}, true),
                 (${alphaId}, 'startup', 'Quokka private', 'quokka private', '{~quokka,~isolement}', false)
          RETURNING id`),
      ).map((r) => r.id),
    );
    const seen = (territoryId: string | null) =>
      t.deps.database.transaction({ territoryId }, async (tx) =>
        rows<{ id: string; territory_id: string }>(
          await tx.execute(sql`SELECT organization_id AS id, territory_id FROM organization_search WHERE name LIKE 'Quokka%'
            UNION SELECT organization_id, territory_id FROM organization_search_words WHERE search_name LIKE 'quokka%'`),
        ),
      );
    expect((await seen(alphaId)).map((r) => r.id).sort()).toEqual([ids[0], ids[2]].sort());
    expect((await seen(betaId)).map((r) => r.id)).toEqual([ids[1]]);
    expect(await seen(null)).toEqual([]);

    const search = (territoryId: string | null, publicOnly: boolean) =>
      t.deps.database.transaction({ territoryId }, async (tx) =>
        rows<{ organization_id: string }>(
          await tx.execute(
            publicOnly
              ? sql`SELECT organization_id FROM organization_search_words_in_territory
                  WHERE is_public AND words && ARRAY['quokka'] AND words && ARRAY['isolement', 'autre']`
              : // The staff also match the words only they may search by, marked `~` (migration 0016).
                sql`SELECT organization_id FROM organization_search_words_in_territory
                  WHERE words && ARRAY['quokka', '~quokka'] AND words && ARRAY['isolement', '~isolement', 'autre', '~autre']`,
          ),
        )
          .map((r) => r.organization_id)
          .sort(),
      );
    expect(await search(alphaId, false)).toEqual([ids[0], ids[2]].sort());
    expect(await search(alphaId, true)).toEqual([ids[0]]);
    expect(await search(betaId, false)).toEqual([ids[1]]);
    expect(await search(null, false)).toEqual([]);
    // Writing through the view stays in the transaction's territory, as the policy requires.
    await expect(
      t.deps.database.transaction({ territoryId: alphaId }, (tx) =>
        tx.execute(sql`UPDATE organization_search_words_in_territory SET territory_id = ${betaId} WHERE organization_id = ${ids[0] ?? ''}`),
      ),
    ).rejects.toThrow();

    await t.deps.database.transaction({ system: true }, (tx) =>
      tx.execute(
        sql`INSERT INTO search_words (territory_id, word, plain) VALUES (${alphaId}, 'quokkas', true), (${betaId}, 'quokkaz', true)`,
      ),
    );
    const similar = (territoryId: string | null) =>
      t.deps.database.transaction(
        { territoryId },
        async (tx) =>
          rows<{ words: string[] }>(await tx.execute(sql`SELECT words FROM totem_similar_words(ARRAY['quokka'], 20)`))[0]?.words,
      );
    expect(await similar(alphaId)).toEqual(['quokkas']);
    expect(await similar(betaId)).toEqual(['quokkaz']);
    expect(await similar(null)).toEqual([]);
  });

  it('refuses a copy written into another territory than the transaction’s', async () => {
    const [org] = await t.deps.database.transaction({ territoryId: alphaId }, async (tx) =>
      rows<{ organization_id: string }>(await tx.execute(sql`SELECT organization_id FROM organization_search LIMIT 1`)),
    );
    await expect(
      t.deps.database.transaction({ territoryId: alphaId }, (tx) =>
        tx.execute(sql`UPDATE organization_search SET territory_id = ${betaId} WHERE organization_id = ${org?.organization_id ?? ''}`),
      ),
    ).rejects.toThrow();
  });
});
