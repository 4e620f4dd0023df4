import { and, asc, desc, eq, getTableColumns, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { territoryThemes } from '../territories/index.ts';
import type { TOrganization, TPublicField, TPublicOrganization } from './directory.contract.ts';
import { organizationMetrics, organizations, organizationThemes } from './directory.tables.ts';
import { isSearchKey } from './scope.ts';

export type OrganizationRow = typeof organizations.$inferSelect;

/**
 * The columns read to show or compare organisations: all but the search fields (the normalised
 * name and the word lists), which only serve search and weigh the most (their arrays are most of
 * what reading a page of organisations allocates). The rows read are typed as whole rows: nothing
 * reading them uses the rest.
 */
export const rowColumns = Object.fromEntries(
  Object.entries(getTableColumns(organizations)).filter(([key]) => !isSearchKey(key)),
) as unknown as typeof organizations._.columns;
type Theme = TOrganization['themes'][number];
type Metrics = TOrganization['latestMetrics'];
type Extras = { themes: Map<string, Theme[]>; metrics: Map<string, Metrics> };

/** The organisation of this territory with this id, or 404. */
export async function requireOrganization(tx: Db, territoryId: string, id: string): Promise<OrganizationRow> {
  const [row] = await tx
    .select()
    .from(organizations)
    .where(and(eq(organizations.id, id), eq(organizations.territoryId, territoryId)))
    .limit(1);
  if (!row) throw new AppError('organization_not_found', `no organisation ${id}`);
  return row;
}

async function themesOf(tx: Db, ids: string[]): Promise<Map<string, Theme[]>> {
  const rows = await tx
    .select({
      organizationId: organizationThemes.organizationId,
      id: territoryThemes.id,
      slug: territoryThemes.slug,
      labelFr: territoryThemes.labelFr,
      labelEn: territoryThemes.labelEn,
    })
    .from(organizationThemes)
    .innerJoin(territoryThemes, eq(territoryThemes.id, organizationThemes.themeId))
    .where(inArray(organizationThemes.organizationId, ids))
    .orderBy(asc(territoryThemes.labelFr));
  const out = new Map<string, Theme[]>();
  for (const { organizationId, ...theme } of rows) out.set(organizationId, [...(out.get(organizationId) ?? []), theme]);
  return out;
}

/** The latest figure of each kind per organisation (the history stays in the table). */
async function latestMetricsOf(tx: Db, ids: string[]): Promise<Map<string, Metrics>> {
  const rows = await tx
    .selectDistinctOn([organizationMetrics.organizationId, organizationMetrics.metric])
    .from(organizationMetrics)
    .where(inArray(organizationMetrics.organizationId, ids))
    .orderBy(
      organizationMetrics.organizationId,
      organizationMetrics.metric,
      desc(organizationMetrics.asOf),
      desc(organizationMetrics.createdAt),
    );
  const out = new Map<string, Metrics>();
  for (const m of rows) {
    const current = out.get(m.organizationId) ?? { headcount: null, funds_raised: null, revenue_band: null };
    current[m.metric as keyof Metrics] = { value: m.value, band: (m.band as never) ?? null, asOf: m.asOf, source: m.source };
    out.set(m.organizationId, current);
  }
  return out;
}

/** Loads what the DTOs of these organisations need besides their rows, in two queries. */
export async function loadExtras(tx: Db, ids: string[]): Promise<Extras> {
  if (!ids.length) return { themes: new Map(), metrics: new Map() };
  // One client runs one query at a time: sequential, not Promise.all.
  return { themes: await themesOf(tx, ids), metrics: await latestMetricsOf(tx, ids) };
}

/** The DTOs of these organisations' rows, in their order, with their themes and latest figures. */
export async function toOrganizations(tx: Db, rows: OrganizationRow[]): Promise<TOrganization[]> {
  const extras = await loadExtras(
    tx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toOrganization(r, extras));
}

export function toOrganization(o: OrganizationRow, extras: Extras): TOrganization {
  return {
    id: o.id,
    kind: o.kind as TOrganization['kind'],
    name: o.name,
    legalName: o.legalName,
    siren: o.siren,
    siret: o.siret,
    rna: o.rna,
    address: { street: o.street, postalCode: o.postalCode, city: o.city },
    commune: o.communeInsee ? { inseeCode: o.communeInsee, name: o.communeName, inTerritory: o.inTerritory } : null,
    website: o.website,
    descriptionFr: o.descriptionFr,
    descriptionEn: o.descriptionEn,
    logoUrl: o.logoUrl,
    foundingYear: o.foundingYear,
    sector: o.sector,
    themes: extras.themes.get(o.id) ?? [],
    tags: o.tags,
    membershipStatus: o.membershipStatus as TOrganization['membershipStatus'],
    isPublic: o.isPublic,
    publicFields: o.publicFields as TPublicField[],
    externalId: o.externalId,
    latestMetrics: extras.metrics.get(o.id) ?? { headcount: null, funds_raised: null, revenue_band: null },
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}

/** Which DTO keys each public field reveals. */
const revealed: Record<TPublicField, (keyof TOrganization)[]> = {
  legalName: ['legalName'],
  identifiers: ['siren', 'siret', 'rna'],
  address: ['address'],
  commune: ['commune'],
  website: ['website'],
  description: ['descriptionFr', 'descriptionEn'],
  logoUrl: ['logoUrl'],
  foundingYear: ['foundingYear'],
  sector: ['sector'],
  themes: ['themes'],
  tags: ['tags'],
  membershipStatus: ['membershipStatus'],
  metrics: ['latestMetrics'],
  relationships: [],
};

/** The public view of an organisation: its name and kind, and only the fields it made public. */
export function toPublicOrganization(o: TOrganization): TPublicOrganization {
  const out: Record<string, unknown> = { id: o.id, kind: o.kind, name: o.name };
  for (const field of o.publicFields) for (const key of revealed[field]) out[key] = o[key];
  return out as TPublicOrganization;
}

/** What a theme `t` (of `territory_themes`) adds to the words of the organisations it is given to. */
export const themeText = sql`t.label_fr || ' ' || t.label_en || ' ' || t.slug`;
/** The text of the themes organisation `o` has (NULL without any, which concat_ws leaves out). */
const linkedThemes = sql`(SELECT string_agg(${themeText}, ' ') FROM organization_themes ot
    JOIN territory_themes t ON t.id = ot.theme_id WHERE ot.organization_id = o.id)`;

/**
 * The searchable text of the organisation row `o`, field by field: the public field that shows it
 * (null for the external id, which no audience sees). Tags may be null (a row being inserted that
 * leaves them to their default): concat_ws leaves them out.
 */
const searchTexts = (themes: SQL): [TPublicField | null, SQL][] => [
  ['legalName', sql`o.legal_name`],
  ['identifiers', sql`concat_ws(' ', o.siren, o.siret, o.rna)`],
  ['address', sql`concat_ws(' ', o.street, o.city)`],
  ['commune', sql`o.commune_name`],
  ['sector', sql`o.sector`],
  ['description', sql`concat_ws(' ', o.description_fr, o.description_en)`],
  ['tags', sql`array_to_string(o.tags, ' ')`],
  ['themes', themes],
  [null, sql`o.external_id`],
];

/**
 * What `searchFieldsOf` reads of the organisation row `o`: its id, name and audience, the text of
 * the fields it shows (`shown`) and that of the others (`hidden`), each field in one of the two.
 */
function searchSource(themes: SQL): SQL {
  const texts = searchTexts(themes);
  const shows = (field: TPublicField | null) => (field ? sql`${field} = ANY(o.public_fields)` : sql`false`);
  const shown = texts.map(([field, text]) => sql`CASE WHEN ${shows(field)} THEN ${text} END`);
  const hidden = texts.map(([field, text]) => sql`CASE WHEN ${shows(field)} THEN NULL ELSE ${text} END`);
  return sql`o.id, o.name, o.is_public, concat_ws(' ', ${sql.join(shown, sql`, `)}) AS shown,
    concat_ws(' ', ${sql.join(hidden, sql`, `)}) AS hidden`;
}

/**
 * The search columns of every organisation a statement writes, computed at once from `source`
 * (rows of id, name, is_public, shown and hidden text, see `searchSource`) as the subquery `f`:
 * - `search_name`, the normalised name (normalised in SQL, so that queries and documents are
 *   normalised by the same function on both engines);
 * - `search_words`, the distinct words of the name and every field, and those the name's
 *   neighbouring words make run together (with the whole name when it has several words): those
 *   of a public organisation's name and shown fields as they are, then the others marked `~`
 *   (all of them when the organisation is not public), each part in order;
 * - `joined`, the words only the name run together makes, which the territory's vocabulary does
 *   not take for plain words (the whole name run together is never plain, even where a field
 *   holds it).
 * Each text is normalised once and the words of all rows are grouped in one pass: the same values
 * as the per-row function of migration 0017 (a test checks them against the earlier functions),
 * in a third of the time on the embedded database, where the function's queries, run once per
 * row, cost more than the normalisation.
 */
export function searchFieldsOf(source: SQL): SQL {
  return sql`(WITH n AS MATERIALIZED (
      SELECT s.id, coalesce(s.is_public, false) AS is_public, x.search_name, replace(x.search_name, ' ', '') AS whole,
        position(' ' IN x.search_name) > 0 AS spaced, string_to_array(x.search_name, ' ') AS names,
        string_to_array(totem_normalize(coalesce(s.shown, '')), ' ') AS shown,
        string_to_array(totem_normalize(coalesce(s.hidden, '')), ' ') AS hidden
      FROM (${source}) s CROSS JOIN LATERAL (SELECT totem_normalize(coalesce(s.name, '')) AS search_name) x),
    words AS (
      SELECT id, is_public, w, true AS plain, true AS shown FROM n, unnest(names || shown) AS w WHERE NOT (spaced AND w = whole)
      UNION ALL
      SELECT id, is_public, w, true, false FROM n, unnest(hidden) AS w WHERE NOT (spaced AND w = whole)
      UNION ALL
      SELECT id, is_public, names[i] || names[i + 1], false, true FROM n, generate_subscripts(names, 1) AS i WHERE i < cardinality(names)
      UNION ALL
      SELECT id, is_public, whole, false, true FROM n WHERE spaced),
    grouped AS (
      SELECT id, w, bool_or(plain) AS plain, is_public AND bool_or(shown) AS shown FROM words WHERE w <> '' GROUP BY id, is_public, w)
    SELECT n.id, n.search_name, coalesce(a.search_words, '{}') AS search_words, coalesce(a.joined, '{}') AS joined
    FROM n LEFT JOIN (
      SELECT id, array_agg(CASE WHEN shown THEN w ELSE '~' || w END ORDER BY NOT shown, w) AS search_words,
        array_agg(w ORDER BY w) FILTER (WHERE NOT plain) AS joined
      FROM grouped GROUP BY id) a ON a.id = n.id) f`;
}

/** The search columns of an organisation's row, taken from its search fields `f` (see `searchFieldsOf`). */
export const searchColumns = ['search_name', 'search_words', 'search_joined'];
export const searchValues = () => sql`f.search_name, f.search_words, f.joined`;
/**
 * What an insert of rows given as `o` (`insertMany`'s computed columns) joins to compute their
 * search columns: their themes are not written yet, so the insert joins their text (`from`, which
 * `themes` reads; NULL when the rows have none).
 */
export const searchFieldsOnInsert = (from: SQL = sql``, themes: SQL = sql`NULL`) =>
  sql`JOIN ${searchFieldsOf(sql`SELECT ${searchSource(themes)} FROM o ${from}`)} ON f.id = o.id`;

/** Recomputes the search fields of organisations, then adds their words to the territory's. */
export async function refreshSearchFields(tx: Db, ids: string[]): Promise<void> {
  if (!ids.length) return;
  // One pass: the fields are computed in a subquery, and each row is rewritten once.
  await tx.execute(sql`
    UPDATE organizations o SET search_name = f.search_name, search_words = f.search_words, search_joined = f.joined
    FROM ${searchFieldsOf(sql`SELECT ${searchSource(linkedThemes)} FROM organizations o WHERE o.id IN ${ids}`)}
    WHERE o.id = f.id`);
  await addSearchWords(tx, ids);
}

/**
 * Adds the words of these organisations to the territory's words (`search_words`), from the word
 * arrays already computed (without their audience's `~` mark) rather than computed again. A word
 * is plain unless only the name run together makes it (`search_joined`, computed with the words by
 * `searchFieldsOf`), so an import's vocabulary costs a pass over arrays: finding
 * each word in the organisation's document, as this did until migration 0018, cost a fifth of a
 * large import on the embedded database.
 */
export async function addSearchWords(tx: Db, ids: string[]): Promise<void> {
  if (!ids.length) return;
  await tx.execute(sql`
    INSERT INTO search_words (territory_id, word, plain)
    SELECT o.territory_id, u.w, bool_or(u.w <> ALL (o.search_joined))
    FROM organizations o CROSS JOIN LATERAL (SELECT ltrim(m, '~') AS w FROM unnest(o.search_words) AS m) u
    WHERE o.id IN ${ids} GROUP BY 1, 2
    ON CONFLICT (territory_id, word) DO UPDATE SET plain = true WHERE excluded.plain AND NOT search_words.plain`);
}
