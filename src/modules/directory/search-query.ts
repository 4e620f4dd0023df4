import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { kindLabels, statusLabels } from './labels.ts';
import type { TFacets } from './search.contract.ts';
import type { SearchPlan } from './search.ts';

type FacetRow = { value: string; label: string | null; count: number };
type FieldRow = { kind: string | null; status: string | null; commune: string | null; label: string | null } & Record<
  'g_kind' | 'g_status' | 'g_commune' | 'by_kind' | 'by_status' | 'by_commune',
  number
>;
type Answer = { total: number; page: string[] | null; fields: FieldRow[] | null; tag: FacetRow[] | null; theme: FacetRow[] | null };

/** What one search finds: the page's organisation ids in order, the total, and every facet's counts. */
export type Found = { ids: string[]; total: number; facets: TFacets };

/**
 * One statement for the page, the total and the facets: the source's rows (those matching the words,
 * or the territory's) are read once into a CTE, each row carrying whether it passes each facet's
 * filter. One grouping of those rows by kind, status, commune and filters (a few hundred groups
 * however many rows) gives the total and, by grouping sets over the groups, the kind, status and
 * commune facets, each counting only the rows that pass the other facets' filters; tags and themes
 * are counted by unnesting.
 */
export async function runSearch(tx: Db, plan: SearchPlan, page: { page: number; pageSize: number }, locale: Locale): Promise<Found> {
  const pub = (column: string) => (plan.audience === 'public' ? sql.raw(` AND ${column}`) : sql``);
  const passes = (f: SQL | undefined) => f ?? sql`true`;
  const { kind, status, commune, tag, theme } = plan.filters;
  const but = (except: 'kind' | 'status' | 'commune' | 'tag' | 'theme') =>
    sql.raw(['f_kind', 'f_status', 'f_commune', 'f_tag', 'f_theme'].filter((f) => f !== `f_${except}`).join(' AND '));
  const all = sql.raw('f_kind AND f_status AND f_commune AND f_tag AND f_theme');
  const order = plan.rank ? sql`rank DESC, name, organization_id` : sql`name, organization_id`;
  const label = locale === 'fr' ? sql`t.label_fr` : sql`t.label_en`;
  // The rows are read once and kept in memory for the six counts: at 100,000 organisations they
  // outgrow the default 4 MB and would be written to a temporary file and read six times.
  await tx.execute(sql`SELECT set_config('work_mem', '32MB', true)`);
  const r = await tx.execute(sql`
    WITH s AS MATERIALIZED (
      SELECT s.organization_id, s.kind, s.membership_status, s.commune_insee, s.commune_name, s.tags, s.theme_ids,
        s.shows_status, s.shows_commune, s.shows_tags, s.shows_themes, s.name, ${plan.rank ?? sql`0`} AS rank,
        ${passes(kind)} AS f_kind, ${passes(status)} AS f_status, ${passes(commune)} AS f_commune, ${passes(tag)} AS f_tag,
        ${passes(theme)} AS f_theme
      FROM ${plan.source}),
    combos AS (
      SELECT kind, membership_status, commune_insee, min(commune_name) AS label, shows_status, shows_commune,
        f_kind, f_status, f_commune, f_tag, f_theme, count(*)::int AS n
      FROM s GROUP BY kind, membership_status, commune_insee, shows_status, shows_commune, f_kind, f_status, f_commune, f_tag, f_theme)
    SELECT
      (SELECT coalesce(sum(n), 0) FROM combos WHERE ${all})::int AS total,
      (SELECT json_agg(organization_id ORDER BY ${order}) FROM (
        SELECT organization_id, rank, name FROM s WHERE ${all}
        ORDER BY ${order} LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}) p) AS page,
      (SELECT json_agg(f) FROM (
        SELECT kind, membership_status AS status, commune_insee AS commune, min(label) AS label,
          GROUPING(kind) AS g_kind, GROUPING(membership_status) AS g_status, GROUPING(commune_insee) AS g_commune,
          coalesce(sum(n) FILTER (WHERE ${but('kind')}), 0)::int AS by_kind,
          coalesce(sum(n) FILTER (WHERE ${but('status')}${pub('shows_status')}), 0)::int AS by_status,
          coalesce(sum(n) FILTER (WHERE ${but('commune')} AND commune_insee IS NOT NULL${pub('shows_commune')}), 0)::int AS by_commune
        FROM combos GROUP BY GROUPING SETS ((kind), (membership_status), (commune_insee))) f) AS fields,
      (SELECT json_agg(g) FROM (
        SELECT tag AS value, NULL AS label, count(*)::int AS count FROM s CROSS JOIN LATERAL unnest(s.tags) AS tag
        WHERE ${but('tag')}${pub('shows_tags')} GROUP BY 1 ORDER BY 3 DESC, 1 LIMIT 50) g) AS tag,
      (SELECT json_agg(g) FROM (
        SELECT t.id::text AS value, ${label} AS label, c.n AS count FROM (
          SELECT u.theme_id, count(*)::int AS n FROM s CROSS JOIN LATERAL unnest(s.theme_ids) AS u(theme_id)
          WHERE ${but('theme')}${pub('shows_themes')} GROUP BY 1) c
        JOIN territory_themes t ON t.id = c.theme_id ORDER BY 3 DESC, 2) g) AS theme`);
  const [answer] = (r as unknown as { rows: Answer[] }).rows;
  return {
    ids: answer?.page ?? [],
    total: Number(answer?.total ?? 0),
    facets: facetsOf(answer?.fields ?? [], answer?.tag ?? [], answer?.theme ?? [], locale),
  };
}

const counted = (rows: FacetRow[]) => rows.map((r) => ({ value: r.value, label: r.label ?? r.value, count: Number(r.count) }));
const byCount = (a: FacetRow, b: FacetRow) => b.count - a.count || String(a.label ?? a.value).localeCompare(String(b.label ?? b.value));

/** The facets from the grouping sets' rows (a value with no row passing the other filters is left out). */
function facetsOf(rows: FieldRow[], tag: FacetRow[], theme: FacetRow[], locale: Locale): TFacets {
  const pick = (grouped: keyof FieldRow, value: keyof FieldRow, n: keyof FieldRow) =>
    rows
      .filter((row) => Number(row[grouped]) === 0 && row[value] !== null && Number(row[n]) > 0)
      .map((row) => ({ value: String(row[value]), label: null as string | null, count: Number(row[n]) }))
      .sort(byCount);
  const named = (facet: FacetRow[], labels: Record<string, Record<Locale, string>>) =>
    counted(facet).map((r) => ({ ...r, label: labels[r.value]?.[locale] ?? r.value }));
  const commune = rows
    .filter((row) => Number(row.g_commune) === 0 && row.commune !== null && Number(row.by_commune) > 0)
    .map((row) => ({ value: String(row.commune), label: row.label, count: Number(row.by_commune) }))
    .sort(byCount)
    .slice(0, 50);
  return {
    kind: named(pick('g_kind', 'kind', 'by_kind'), kindLabels),
    status: named(pick('g_status', 'status', 'by_status'), statusLabels),
    commune: counted(commune),
    tag: counted(tag),
    theme: counted(theme),
  };
}
