/**
 * Bulk generator of a territory's directory for the benchmarks: organisations (with themes, tags,
 * a headcount) and people, inserted as multi-row `json_populate_recordset` statements (one JSON
 * parameter per few thousand rows, on either engine) rather than through the services, then indexed
 * with the services' own SQL (`refreshSearchFields`, `personSearchDoc`), so the search columns are
 * exactly what the application would have written. Indexing the documents takes most of the time.
 */
import { eq, sql } from 'drizzle-orm';
import { compactFacetCounts } from '../../src/modules/directory/facet-counts.ts';
import { organizations, people } from '../../src/modules/directory/index.ts';
import { refreshSearchFields } from '../../src/modules/directory/organization-dto.ts';
import { personSearchDoc } from '../../src/modules/directory/people.service.ts';
import type { Database, Db } from '../../src/platform/db/client.ts';

export type Scale = { name: 'territory' | 'region' | 'national'; organizations: number; people: number };
export const scales: Record<Scale['name'], Scale> = {
  territory: { name: 'territory', organizations: 500, people: 1_500 },
  region: { name: 'region', organizations: 20_000, people: 60_000 },
  national: { name: 'national', organizations: 100_000, people: 300_000 },
};

/** A small deterministic PRNG (mulberry32): the same data on every run and engine. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T };
}

const roots = ['Atelier', 'Studio', 'Lab', 'Fabrique', 'Maison', 'Pôle', 'Agence', 'Collectif', 'Compagnie', 'Réseau', 'Institut', 'Forge'];
const words = [
  'Numérique',
  'Lumière',
  'Opale',
  'Horizon',
  'Littoral',
  'Béthune',
  'Artois',
  'Calaisis',
  'Synergie',
  'Écume',
  'Canopée',
  'Boréal',
  'Hélice',
  'Quartz',
  'Vallée',
  'Archipel',
  'Azur',
  'Mistral',
  'Phare',
  'Comète',
  'Sillage',
  'Verger',
  'Basalte',
  'Mosaïque',
];
const trades = [
  'Robotique',
  'Santé',
  'Énergie',
  'Textile',
  'Logistique',
  'Culture',
  'Jeu vidéo',
  'Agroalimentaire',
  'Mobilité',
  'Cybersécurité',
];
const kinds = [
  'startup',
  'startup',
  'startup',
  'sme',
  'sme',
  'association',
  'incubator',
  'fablab',
  'cluster',
  'school',
  'investor',
  'public_body',
];
const communes: [string, string][] = [
  ['62193', 'Calais'],
  ['62119', 'Béthune'],
  ['62498', 'Lens'],
  ['13055', 'Marseille'],
  ['13001', 'Aix-en-Provence'],
  ['59350', 'Lille'],
  ['62041', 'Arras'],
  ['59183', 'Dunkerque'],
  ['75056', 'Paris'],
  ['69123', 'Lyon'],
];
const tags = ['ia', 'impression-3d', 'iot', 'economie-circulaire', 'export', 'recrutement', 'levee-de-fonds', 'rse', 'open-source', 'b2b'];
const firstNames = [
  'Camille',
  'Léa',
  'Hugo',
  'Lucas',
  'Chloé',
  'Inès',
  'Jules',
  'Manon',
  'Nathan',
  'Zoé',
  'Élodie',
  'Théo',
  'Sarah',
  'Louis',
];
const lastNames = [
  'Martin',
  'Bernard',
  'Dubois',
  'Lefebvre',
  'Leroy',
  'Roux',
  'Caron',
  'Vasseur',
  'Delattre',
  'Lemaire',
  'Dupont',
  'Fournier',
];
export const themeSlugs = ['numerique', 'industrie', 'culture', 'sante', 'energie', 'mobilite'];

/** One organisation row as JSON for `json_populate_recordset` (also the CSV the import benchmark reads). */
export function organizationRow(i: number, r: ReturnType<typeof random>) {
  const [insee, city] = r.pick(communes);
  const trade = r.pick(trades);
  const isPublic = r.next() < 0.7;
  return {
    kind: r.pick(kinds),
    name: `${r.pick(roots)} ${r.pick(words)} ${r.pick(words)} ${i}`,
    legal_name: null,
    city,
    commune_insee: insee,
    commune_name: city,
    sector: trade,
    description_fr: `${trade} : accompagnement et innovation à ${city}, ${r.pick(words).toLowerCase()} et ${r.pick(words).toLowerCase()}.`,
    website: `https://org-${i}.example`,
    founding_year: 1990 + Math.floor(r.next() * 35),
    tags: [r.pick(tags), r.pick(tags)].filter((t, k, a) => a.indexOf(t) === k),
    membership_status: r.pick(['member', 'partner', 'prospect']),
    is_public: isPublic,
    public_fields: ['commune', 'website', 'description', 'sector', 'themes', 'tags', 'metrics'],
    external_id: `gen-${i}`,
  };
}

async function insertChunks(tx: Db, table: string, columns: string[], rows: object[], chunk = 2_000) {
  const list = sql.raw(columns.join(', '));
  for (let i = 0; i < rows.length; i += chunk) {
    const json = JSON.stringify(rows.slice(i, i + chunk));
    await tx.execute(
      sql`INSERT INTO ${sql.raw(table)} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${sql.raw(table)}, ${json}::json)`,
    );
  }
}

/** Seconds a generation took: in all, and for the organisations alone (the import benchmark's reference). */
export type Generated = { seconds: number; organizationsSeconds: number };

async function generateOrganizations(tx: Db, territoryId: string, n: number, themeIds: string[], r: ReturnType<typeof random>) {
  const orgs = Array.from({ length: n }, (_, i) => ({ territory_id: territoryId, ...organizationRow(i, r) }));
  await insertChunks(tx, 'organizations', Object.keys(orgs[0] ?? {}), orgs);
  const ids = (await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.territoryId, territoryId))).map(
    (o) => o.id,
  );
  const links = ids.map((id, k) => ({ territory_id: territoryId, organization_id: id, theme_id: themeIds[k % themeIds.length] }));
  await insertChunks(tx, 'organization_themes', ['territory_id', 'organization_id', 'theme_id'], links, 5_000);
  await tx.execute(sql`INSERT INTO organization_metrics (territory_id, organization_id, metric, value, as_of)
    SELECT territory_id, id, 'headcount', (abs(hashtext(id::text)) % 50) + 1, DATE '2025-01-01' FROM organizations
    WHERE territory_id = ${territoryId}`);
  // As an import does (`statisticsKeeper`): the planner must know the territory's new size before
  // rows are updated by id, or each chunk reads every row written before it.
  await tx.execute(sql`SELECT totem_analyze_directory()`);
  for (let i = 0; i < ids.length; i += 2_000) await refreshSearchFields(tx, ids.slice(i, i + 2_000));
  // As an import does: the facet counts' changes of every statement above, folded into a row per value.
  await compactFacetCounts(tx);
}

async function generatePeople(tx: Db, territoryId: string, n: number, r: ReturnType<typeof random>) {
  const persons = Array.from({ length: n }, (_, i) => ({
    territory_id: territoryId,
    first_name: r.pick(firstNames),
    last_name: r.pick(lastNames),
    email: `person-${i}@example.test`,
    skills: [r.pick(trades).toLowerCase()],
    languages: ['fr'],
    legal_basis: 'legitimate_interest',
    external_id: `gen-person-${i}`,
  }));
  if (!persons.length) return;
  await insertChunks(tx, 'people', Object.keys(persons[0] ?? {}), persons, 5_000);
  await tx.update(people).set({ searchText: personSearchDoc }).where(eq(people.territoryId, territoryId));
}

/** Fills a territory with a scale's organisations and people, in one transaction, then refreshes the planner's statistics. */
export async function generate(database: Database, territoryId: string, scale: Scale, themeIds: string[]): Promise<Generated> {
  const started = performance.now();
  const r = random(42);
  let organizationsSeconds = 0;
  await database.transaction({ territoryId }, async (tx) => {
    await generateOrganizations(tx, territoryId, scale.organizations, themeIds, r);
    organizationsSeconds = (performance.now() - started) / 1000;
    await generatePeople(tx, territoryId, scale.people, r);
  });
  await database.transaction({ system: true }, (tx) => tx.execute(sql`ANALYZE`));
  return { seconds: (performance.now() - started) / 1000, organizationsSeconds };
}
