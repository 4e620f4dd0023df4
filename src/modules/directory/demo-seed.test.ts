import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { demoDirectories, seedDirectory } from '../../demo/directory-seed.ts';
import { seedDemo } from '../../demo/seed.ts';
import { systemActor } from '../../platform/policy/actor.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.deps);
});
afterAll(() => t.close());

const count = async (table: string) => {
  const r = await t.deps.database.transaction({ system: true }, (tx) => tx.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`)));
  return (r as unknown as { rows: { n: number }[] }).rows[0]?.n;
};
const publicSearch = async (slug: string, qs: string) =>
  (await t.request(null, { method: 'GET', url: `/api/v1/territories/${slug}/organizations?${qs}` })).json();

describe('demo directory', () => {
  it('loads the organisations the articles name, in each demo territory, public', async () => {
    for (const [slug, data] of Object.entries(demoDirectories)) {
      const rows = data.organizations.trim().split('\n').length - 1;
      expect((await publicSearch(slug, 'pageSize=100')).total, slug).toBe(rows);
    }
    // Names first, then the organisations whose description mentions Tektos.
    const tektos = (await publicSearch('calaisis', 'q=tektos')).items.map((o: { name: string }) => o.name);
    expect(tektos.slice(0, 2)).toEqual(['Tektos', 'Tektos business club']);
    expect(tektos).toContain('Vivendi');
    expect((await publicSearch('bethune-bruay', 'q=bethune')).total).toBeGreaterThanOrEqual(2);
    expect((await publicSearch('lens-lievin', 'kind=startup')).total).toBe(2);
    const fablabs = await publicSearch('calaisis', 'q=fab%20lab');
    expect(fablabs.items.map((o: { kind: string }) => o.kind).slice(0, 2)).toEqual(['fablab', 'fablab']);
  });

  it('shows who accompanies, hosts and funds whom, from both sides', async () => {
    const tektos = (await publicSearch('calaisis', 'q=tektos&kind=incubator')).items[0];
    const page = (await t.request(null, { method: 'GET', url: `/api/v1/territories/calaisis/organizations/${tektos.id}` })).json();
    const links = page.relationships.map(
      (r: { kind: string; direction: string; other: { name: string } }) => `${r.other.name} ${r.kind} (${r.direction})`,
    );
    expect(links).toEqual(
      expect.arrayContaining([
        'Tektos business club accompanies (incoming)',
        'Cap Calaisis — communauté d’agglomération hosts (incoming)',
        'Cap Calaisis — communauté d’agglomération funds (incoming)',
      ]),
    );
    expect(page.themes.map((th: { slug: string }) => th.slug)).toEqual(expect.arrayContaining(['franco-britannique']));
  });

  it('adds fictional people with affiliations; only those who consented have a public profile', async () => {
    const people = (await t.request(null, { method: 'GET', url: '/api/v1/territories/lens-lievin/people' })).json();
    expect(people.items).toMatchObject([
      { firstName: 'Manon', lastName: 'Leclercq', affiliations: [{ organization: { name: 'Louvre Lens Vallée' } }] },
    ]);
  });

  it('gives each ecosystem key figures from dated, sourced figures of its organisations', async () => {
    for (const slug of Object.keys(demoDirectories)) {
      const figures = (await t.request(null, { method: 'GET', url: `/api/v1/territories/${slug}/figures` })).json();
      expect(figures.jobs, slug).toBeGreaterThan(0);
      expect(figures.fundsRaisedCents, slug).toBeGreaterThan(0);
      expect(figures.asOf, slug).toMatch(/^\d{4}-\d\d-\d\d$/);
    }
    // Béthune: the latest headcounts (Bybe 8 and Atlas 13, from their latest monthly answers in the
    // cluster's accompaniment; La Fabrique 4, cluster 3) and cumulative funds (600 k€ + 800 k€).
    const bethune = (await t.request(null, { method: 'GET', url: '/api/v1/territories/bethune-bruay/figures' })).json();
    expect(bethune).toMatchObject({ jobs: 28, fundsRaisedCents: 140_000_000 });
    // The history is kept, with its source, and the organisation's page shows the latest figure.
    const atlas = (await publicSearch('bethune-bruay', 'q=atlas')).items[0];
    expect(atlas.latestMetrics.headcount).toMatchObject({ value: 13 });
    const rows = await t.deps.database.transaction({ system: true }, (tx) =>
      tx.execute(sql`SELECT metric, value, source FROM organization_metrics WHERE organization_id = ${atlas.id} ORDER BY as_of`),
    );
    const history = (rows as unknown as { rows: { metric: string; value: string | number | null; source: string | null }[] }).rows;
    expect(history.filter((r) => r.metric === 'headcount').map((r) => Number(r.value))).toEqual([5, 12, 12, 13]);
    expect(history[0]?.source).toBe('Déclaration de la structure');
  });

  it('changes nothing when run again', async () => {
    const tables = ['organizations', 'organization_relationships', 'organization_metrics', 'people', 'affiliations', 'audit_log'];
    const before = await Promise.all(tables.map(count));
    await seedDirectory(t.deps, { actor: systemActor, locale: 'fr', requestId: 'seed' });
    expect(await Promise.all(tables.map(count))).toEqual(before);
  });
});
