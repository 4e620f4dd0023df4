import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../tests/helpers/app.ts';

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
          o.name, o.territory_id AS words_territory_id, o.is_public AS words_public, o.search_name, o.search_words,
          o.public_search_words
        FROM organizations o),
      actual AS (
        SELECT organization_id, s.territory_id, s.is_public, s.kind, s.membership_status, s.commune_insee, s.commune_name, s.tags,
          s.theme_ids, s.shows_status, s.shows_commune, s.shows_tags, s.shows_themes, s.name, w.territory_id, w.is_public,
          w.search_name, w.search_words, w.public_search_words
        FROM organization_search s FULL JOIN organization_search_words w USING (organization_id))
      (SELECT 'missing or stale' AS problem, e.organization_id::text AS id FROM (SELECT * FROM expected EXCEPT SELECT * FROM actual) e)
      UNION ALL
      (SELECT 'left behind or stale', a.organization_id::text FROM (SELECT * FROM actual EXCEPT SELECT * FROM expected) a)`),
    ),
  );
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
    expect(await outOfStep()).toEqual([]);

    const edit = await t.request(staff, {
      method: 'PATCH',
      url: `${base}/organizations/${kept}`,
      payload: { name: 'Fabrique Synchrone Calais', membershipStatus: 'member', publicFields: ['tags'], themeIds: [] },
    });
    expect(edit.statusCode).toBe(200);
    expect(await outOfStep()).toEqual([]);

    const tagged = await t.request(staff, {
      method: 'POST',
      url: `${base}/organizations/tags`,
      payload: { organizationIds: [kept, dup], add: ['atelier'], remove: ['bois'] },
    });
    expect(tagged.statusCode).toBe(200);
    expect(await outOfStep()).toEqual([]);

    await t.request(staff, { method: 'PATCH', url: `${base}/organizations/${dup}`, payload: { themeIds: [themeId] } });
    const merged = await t.request(staff, { method: 'POST', url: `${base}/organizations/${kept}/merge`, payload: { duplicateId: dup } });
    expect(merged.statusCode).toBe(200);
    expect(await outOfStep()).toEqual([]);
    expect((await t.request(staff, { method: 'GET', url: `${base}/organizations?q=menuiserie` })).json().items[0]?.id).toBe(kept);

    const removed = await t.request(admin, { method: 'DELETE', url: `/api/v1/territories/alpha/themes/${themeId}` });
    expect(removed.statusCode).toBe(204);
    expect(await outOfStep()).toEqual([]);

    const before = await copies();
    expect((await t.request(staff, { method: 'DELETE', url: `${base}/organizations/${kept}` })).statusCode).toBe(204);
    expect(await copies()).toBe(before - 1);
    expect(await outOfStep()).toEqual([]);

    const file = ['Nom;Type;Code INSEE;Étiquettes;Statut;Public', 'Atelier Marée;fablab;62193;maree|bois;membre;oui'].join('\r\n');
    const imported = await t.request(staff, { method: 'POST', url: `${base}/imports/organizations`, payload: { content: file } });
    expect(imported.statusCode).toBe(200);
    expect(await outOfStep()).toEqual([]);
    const found = (await t.request(staff, { method: 'GET', url: `${base}/organizations?q=maree&tag=bois` })).json();
    expect(found.items.map((o: { name: string }) => o.name)).toEqual(['Atelier Marée']);
  });
});

describe('the search table, isolated by territory', () => {
  it('shows a transaction only its territory’s rows, and its search function only that territory’s matches', async () => {
    const words = sql.raw(`'{quokka,isolement}'::text[]`);
    const ids = await t.deps.database.transaction({ system: true }, async (tx) =>
      rows<{ id: string }>(
        await tx.execute(sql`INSERT INTO organizations (territory_id, kind, name, search_name, search_words, public_search_words, is_public)
          VALUES (${alphaId}, 'startup', 'Quokka Alpha', 'quokka alpha', ${words}, ${words}, true),
                 (${betaId}, 'startup', 'Quokka Beta', 'quokka beta', ${words}, ${words}, true),
                 (${alphaId}, 'startup', 'Quokka private', 'quokka private', ${words}, '{}', false)
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
        rows<{ organization_id: string; hits: number }>(
          await tx.execute(
            sql`SELECT organization_id, hits FROM totem_search_organizations(${JSON.stringify([['quokka'], ['isolement', 'autre']])}::jsonb,
              ARRAY['quokka', 'absent']::text[], ${publicOnly})`,
          ),
        ).sort((a, b) => a.organization_id.localeCompare(b.organization_id)),
      );
    expect(await search(alphaId, false)).toEqual([ids[0], ids[2]].sort().map((id) => ({ organization_id: id, hits: 1 })));
    expect(await search(alphaId, true)).toEqual([{ organization_id: ids[0], hits: 1 }]);
    expect(await search(betaId, false)).toEqual([{ organization_id: ids[1], hits: 1 }]);
    expect(await search(null, false)).toEqual([]);
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
