import { type SQL, sql } from 'drizzle-orm';
import { type Beside, besideEachOther, type Db } from '../../platform/db/client.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { type CountedFacets, countedFacets, type FacetRow } from './facet-counts.ts';
import { kindLabels, statusLabels } from './labels.ts';
import { type FacetName, facetNames, type TFacets } from './search.contract.ts';
import type { SearchPlan } from './search.ts';

type FieldRow = { kind: string | null; status: string | null; commune: string | null; label: string | null } & Record<
  'g_kind' | 'g_status' | 'g_commune' | 'by_kind' | 'by_status' | 'by_commune',
  number
>;
type Answer = { total: number; fields: FieldRow[] | null; tag: FacetRow[] | null; theme: FacetRow[] | null };

/**
 * What one search finds: the page's organisation ids in order, the total, and every facet's counts;
 * with `load`, what it made of the page's ids.
 */
export type Found<L = never> = { ids: string[]; total: number; facets: TFacets; loaded?: L };

type Page = { page: number; pageSize: number };
/**
 * How a search goes: `beside`, a read beside the caller's transaction (PostgreSQL); `load`, what to
 * read of the page's organisations once their ids are known, on the connection that read the page.
 */
type How<L> = { beside?: Beside | undefined; load?: ((db: Db, ids: string[]) => Promise<L>) | undefined };

/**
 * The page, the total and the facets. Without words, a facet whose counts leave out every filter
 * (each facet when there is no filter, the filtered facet when there is one) is read from the
 * territory's kept counts (`countedFacets`) rather than counted over the whole territory; with no
 * filter nothing is counted, and with one only the organisations passing it are read.
 */
export async function runSearch<L = never>(tx: Db, plan: SearchPlan, page: Page, locale: Locale, how: How<L> = {}): Promise<Found<L>> {
  const filtered = facetNames.filter((f) => plan.filters[f]);
  if (plan.words || filtered.length > 1) return scan(tx, plan, page, locale, how);
  const counted = await countedFacets(tx, plan.territoryId, plan.audience, locale);
  const labels = new Map(counted.commune.map((c) => [c.value, c.label]));
  const [only] = filtered;
  if (!only) {
    const ids = await pageByName(tx, plan, page);
    const loaded = how.load ? { loaded: await how.load(tx, ids) } : {};
    return { ids, total: counted.total, facets: facetsOf([], [], [], locale, { counted, labels }), ...loaded };
  }
  return scan(tx, plan, page, locale, { ...how, kept: { counted, labels, only } });
}

/** The page of the territory's organisations (for the audience) in name order, by the name index. */
async function pageByName(tx: Db, plan: SearchPlan, page: Page): Promise<string[]> {
  const r = await tx.execute(sql`SELECT s.organization_id AS id FROM ${plan.source}
    ORDER BY s.name, s.organization_id LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`);
  return (r as unknown as { rows: { id: string }[] }).rows.map((row) => row.id);
}

/** Kept counts standing in for what a scan would count: `only`'s facet and the communes' labels. */
type Kept = { counted: CountedFacets; labels: Map<string, string | null>; only?: FacetName };

/**
 * Two statements, one for the page and one for the total and the facets, each reading the source's
 * rows (those matching the words, or the territory's, or with `kept.only` those passing its filter):
 * keeping the rows in between for both cost more than reading them again (15 ms for a broad word's
 * 21,000 rows at 100,000 organisations, against 8). With `beside` (PostgreSQL) the page is read in
 * a transaction of its own while the counts are read in the caller's, so that the search takes the
 * time of the slower of the two rather than their sum. Each row carries whether it passes each
 * filter the query has. `load` follows the page on its connection, so that on PostgreSQL the page's
 * organisations are read while the counts still run. The counts come from one grouping by grouping
 * sets, by the rows' facet keys (migration 0019: their fields, their tags, their themes, each hashed
 * into a bigint) and filters: a few hundred groups however many rows. Each group's values are then read from one row of the
 * territory holding its key (an index lookup per group), and the kind, status and commune facets
 * are counted by grouping sets over the field groups, each counting only the rows that pass the
 * other facets' filters; the tag and theme sets are unnested. Exported so that tests can check the
 * kept counts against it.
 */
export async function scan<L = never>(
  tx: Db,
  plan: SearchPlan,
  page: Page,
  locale: Locale,
  { kept, beside, load }: How<L> & { kept?: Kept } = {},
): Promise<Found<L>> {
  const pub = (column: string) => (plan.audience === 'public' ? sql.raw(` AND ${column}`) : sql``);
  // Only the query's filters get a column: a facet without a filter lets every row pass.
  const active = facetNames.filter((f) => plan.filters[f]);
  const flags = active.map((f) => `f_${f}`);
  const but = (except?: FacetName) => sql.raw(flags.filter((f) => f !== `f_${except}`).join(' AND ') || 'true');
  const all = but();
  const flagColumns = sql.raw(active.map((f) => `, f_${f}`).join(''));
  const filterColumns = sql.join(
    active.map((f) => sql`, ${plan.filters[f]} AS ${sql.raw(`f_${f}`)}`),
    sql``,
  );
  const order = plan.rank ? sql`rank DESC, name, organization_id` : sql`name, organization_id`;
  const label = locale === 'fr' ? sql`t.label_fr` : sql`t.label_en`;
  /** The groups of one grouping set with the values of a row of the territory holding their key. */
  const valuesOf = (key: string, grouped: string, values: string) =>
    sql`SELECT v.*, k.n${flagColumns} FROM k CROSS JOIN LATERAL (
        SELECT ${sql.raw(values)} FROM organization_search w
        WHERE w.territory_id = ${plan.territoryId} AND ${sql.raw(`w.${key} = k.${key}`)} LIMIT 1) v WHERE ${sql.raw(`k.${grouped}`)} = 0`;
  const rowsWhere = (where: SQL | undefined) =>
    sql`(SELECT s.organization_id, s.fields_key, s.tags_key, s.themes_key, s.name, ${plan.rank ?? sql`0`} AS rank${filterColumns}
      FROM ${plan.source}${where ? sql` WHERE ${where}` : sql``})`;
  const rows = rowsWhere(kept?.only ? plan.filters[kept.only] : undefined);
  const skipped = (page.page - 1) * page.pageSize;
  const idsOf = async (db: Db, from: SQL, limit: number, offset: number) => {
    const r = await db.execute(sql`SELECT json_agg(organization_id ORDER BY ${order}) AS page FROM (
      SELECT organization_id, rank, name FROM ${from} s WHERE ${all}
      ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}) p`);
    return (r as unknown as { rows: { page: string[] | null }[] }).rows[0]?.page ?? [];
  };
  // The rows whose name holds a query word first: when they fill the pages up to this one, the
  // others, which rank below them all, need not be ranked.
  const pageIds = async (db: Db) => {
    const first = plan.named ? await idsOf(db, rowsWhere(plan.named), skipped + page.pageSize, 0) : [];
    if (first.length === skipped + page.pageSize) return first.slice(skipped);
    return idsOf(db, rows, page.pageSize, skipped);
  };
  const pageOf = async (db: Db) => {
    const ids = await pageIds(db);
    return { ids, ...(load ? { loaded: await load(db, ids) } : {}) };
  };
  const countsOf = (db: Db) =>
    db.execute(sql`
    WITH k AS (
      SELECT fields_key, tags_key, themes_key${flagColumns}, GROUPING(fields_key) AS by_fields, GROUPING(tags_key) AS by_tags,
        GROUPING(themes_key) AS by_themes, count(*)::int AS n
      FROM ${rows} s GROUP BY GROUPING SETS ((fields_key${flagColumns}), (tags_key${flagColumns}), (themes_key${flagColumns}))),
    gf AS (${valuesOf('fields_key', 'by_fields', 'w.kind, w.membership_status, w.commune_insee, w.commune_name AS label, w.shows_status, w.shows_commune')}),
    gt AS (${valuesOf('tags_key', 'by_tags', 'w.tags, w.shows_tags')}),
    gh AS (${valuesOf('themes_key', 'by_themes', 'w.theme_ids, w.shows_themes')})
    SELECT
      (SELECT coalesce(sum(n), 0) FROM k WHERE by_fields = 0 AND ${all})::int AS total,
      (SELECT json_agg(f) FROM (
        SELECT kind, membership_status AS status, commune_insee AS commune, min(label) AS label,
          GROUPING(kind) AS g_kind, GROUPING(membership_status) AS g_status, GROUPING(commune_insee) AS g_commune,
          coalesce(sum(n) FILTER (WHERE ${but('kind')}), 0)::int AS by_kind,
          coalesce(sum(n) FILTER (WHERE ${but('status')}${pub('shows_status')}), 0)::int AS by_status,
          coalesce(sum(n) FILTER (WHERE ${but('commune')} AND commune_insee IS NOT NULL${pub('shows_commune')}), 0)::int AS by_commune
        FROM gf GROUP BY GROUPING SETS ((kind), (membership_status), (commune_insee))) f) AS fields,
      (SELECT json_agg(t) FROM (
        SELECT tag AS value, NULL AS label, sum(g.n)::int AS count FROM gt g CROSS JOIN LATERAL unnest(g.tags) AS tag
        WHERE ${but('tag')}${pub('shows_tags')} GROUP BY 1 ORDER BY 3 DESC, 1 LIMIT 50) t) AS tag,
      (SELECT json_agg(h) FROM (
        SELECT t.id::text AS value, ${label} AS label, c.n AS count FROM (
          SELECT u.theme_id, sum(g.n)::int AS n FROM gh g CROSS JOIN LATERAL unnest(g.theme_ids) AS u(theme_id)
          WHERE ${but('theme')}${pub('shows_themes')} GROUP BY 1) c
        JOIN territory_themes t ON t.id = c.theme_id ORDER BY 3 DESC, 2) h) AS theme`);
  const [r, paged] = await besideEachOther(tx, countsOf, pageOf, beside);
  const [answer] = (r as unknown as { rows: Answer[] }).rows;
  return {
    ...paged,
    total: Number(answer?.total ?? 0),
    facets: facetsOf(answer?.fields ?? [], answer?.tag ?? [], answer?.theme ?? [], locale, kept),
  };
}

const counted = (rows: FacetRow[]) => rows.map((r) => ({ value: r.value, label: r.label ?? r.value, count: Number(r.count) }));
const byCount = (a: FacetRow, b: FacetRow) => b.count - a.count || String(a.label ?? a.value).localeCompare(String(b.label ?? b.value));

/**
 * The facets from the grouping sets' rows (a value with no row passing the other filters is left
 * out), or from the kept counts: all of them without a scan, `kept.only`'s with one. A commune's
 * label is then the kept one, which comes from all the audience's organisations, as a scan of the
 * whole territory would take it.
 */
function facetsOf(rows: FieldRow[], tag: FacetRow[], theme: FacetRow[], locale: Locale, kept?: Kept): TFacets {
  const pick = (grouped: keyof FieldRow, value: keyof FieldRow, n: keyof FieldRow) =>
    rows
      .filter((row) => Number(row[grouped]) === 0 && row[value] !== null && Number(row[n]) > 0)
      .map((row) => ({ value: String(row[value]), label: null as string | null, count: Number(row[n]) }));
  const named = (facet: FacetRow[], labels: Record<string, Record<Locale, string>>) =>
    counted([...facet].sort(byCount)).map((r) => ({ ...r, label: labels[r.value]?.[locale] ?? r.value }));
  const scanned = (row: FieldRow) => ({ value: String(row.commune), label: row.label, count: Number(row.by_commune) });
  const communes = rows.filter((row) => Number(row.g_commune) === 0 && row.commune !== null && Number(row.by_commune) > 0).map(scanned);
  const from = (name: FacetName) => !kept || (kept.only !== undefined && kept.only !== name);
  const c = kept?.counted;
  const commune = (from('commune') ? communes : (c?.commune ?? []).filter((r) => Number(r.count) > 0))
    .map((r) => (kept ? { ...r, label: kept.labels.get(r.value) ?? null } : r))
    .sort(byCount)
    .slice(0, 50);
  return {
    kind: named(from('kind') ? pick('g_kind', 'kind', 'by_kind') : (c?.kind ?? []), kindLabels),
    status: named(from('status') ? pick('g_status', 'status', 'by_status') : (c?.status ?? []), statusLabels),
    commune: counted(commune),
    tag: counted(from('tag') ? tag : (c?.tag ?? [])),
    theme: counted(from('theme') ? theme : (c?.theme ?? [])),
  };
}
