import { type SQL, sql } from 'drizzle-orm';
import { type Beside, besideEachOther, type Db } from '../../platform/db/client.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { type CountedFacets, countedFacets, type FacetRow } from './facet-counts.ts';
import { type FacetKeys, type FacetValues, facetValues } from './facet-values.ts';
import { kindLabels, statusLabels } from './labels.ts';
import { type FacetName, facetNames, type TFacets } from './search.contract.ts';
import type { Audience, SearchPlan } from './search.ts';

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
    return { ids, total: counted.total, facets: facetsOf(none, locale, { counted, labels }), ...loaded };
  }
  return scan(tx, plan, page, locale, { ...how, kept: { counted, labels, only } });
}

/** The page of the territory's organisations (for the audience) in name order, by the name index. */
async function pageByName(tx: Db, plan: SearchPlan, page: Page): Promise<string[]> {
  const r = await tx.execute(sql`SELECT s.organization_id AS id FROM ${plan.source}
    ORDER BY s.name, s.organization_id LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`);
  return (r as unknown as { rows: { id: string }[] }).rows.map((row) => row.id);
}

/** The ids a page statement gathered (`json_agg(…) AS page`), in order. */
const pageIn = (r: unknown): string[] => (r as { rows: { page: string[] | null }[] }).rows[0]?.page ?? [];

/** No value of any facet. */
const none = { kind: [], status: [], commune: [], tag: [], theme: [] };

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
 * into a bigint) and filters: a few hundred groups however many rows. What each key stands for
 * comes from `facetValues` (kept by the process, as it never changes), and the facets are summed
 * from the groups (`countGroups`). Exported so that tests can check the kept counts against it.
 */
export async function scan<L = never>(
  tx: Db,
  plan: SearchPlan,
  page: Page,
  locale: Locale,
  { kept, beside, load }: How<L> & { kept?: Kept } = {},
): Promise<Found<L>> {
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
  const rowsWhere = (where: SQL | undefined) =>
    sql`(SELECT s.organization_id, s.fields_key, s.tags_key, s.themes_key, s.name, ${plan.rank ?? sql`0`} AS rank${filterColumns}
      FROM ${plan.source}${where ? sql` WHERE ${where}` : sql``})`;
  const rows = rowsWhere(kept?.only ? plan.filters[kept.only] : undefined);
  const skipped = (page.page - 1) * page.pageSize;
  const idsOf = async (db: Db, from: SQL, limit: number, offset: number) => {
    const r = await db.execute(sql`SELECT json_agg(organization_id ORDER BY ${order}) AS page FROM (
      SELECT organization_id, rank, name FROM ${from} s WHERE ${all}
      ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}) p`);
    return pageIn(r);
  };
  /**
   * The first `n` matched organisations in name order, of those whose name holds no query word:
   * by the territory's name index, each checked by its primary key (a broad word's first page
   * after a few hundred), or, for a rare word, as the planner finds cheaper.
   */
  const byName = async (db: Db, named: SQL, n: number) => {
    const r = await db.execute(sql`SELECT json_agg(id ORDER BY name, id) AS page FROM (
      SELECT o.organization_id AS id, o.name FROM organization_search o
      WHERE o.territory_id = ${plan.territoryId} AND EXISTS (
        SELECT 1 FROM ${rowsWhere(sql`NOT (${named})`)} s WHERE s.organization_id = o.organization_id AND ${all})
      ORDER BY o.name, o.organization_id LIMIT ${n}) p`);
    return pageIn(r);
  };
  // The rows whose name holds a query word first: when they fill the pages up to this one, the
  // others, which rank below them all, need not be ranked; when they do not, they are all there,
  // and the others, ranked alike, follow in name order.
  const pageIds = async (db: Db) => {
    const wanted = skipped + page.pageSize;
    if (!plan.named) return idsOf(db, rows, page.pageSize, skipped);
    const first = await idsOf(db, rowsWhere(plan.named), wanted, 0);
    const rest = first.length < wanted ? await byName(db, plan.named, wanted - first.length) : [];
    return [...first, ...rest].slice(skipped);
  };
  const pageOf = async (db: Db) => {
    const ids = await pageIds(db);
    return { ids, ...(load ? { loaded: await load(db, ids) } : {}) };
  };
  // One group per key of each grouping set and filter (migration 0019), with the territory's theme
  // labels, which can change and so are read on every search: one JSON value, one statement.
  const countsOf = async (db: Db) => {
    const r = await db.execute(sql`SELECT (SELECT json_agg(g) FROM (
        SELECT fields_key::text AS f, tags_key::text AS t, themes_key::text AS h${flagColumns},
          GROUPING(fields_key) AS gf, GROUPING(tags_key) AS gt, count(*)::int AS n
        FROM ${rows} s GROUP BY GROUPING SETS ((fields_key${flagColumns}), (tags_key${flagColumns}), (themes_key${flagColumns}))) g) AS groups,
      (SELECT json_agg(json_build_object('id', t.id::text, 'fr', t.label_fr, 'en', t.label_en)) FROM territory_themes t
        WHERE t.territory_id = ${plan.territoryId}) AS labels`);
    const [counted] = (r as unknown as { rows: { groups: Group[] | null; labels: ThemeLabel[] | null }[] }).rows;
    const groups = counted?.groups ?? [];
    const keys: FacetKeys = { fields: [], tags: [], themes: [] };
    for (const g of groups) {
      if (g.gf === 0) keys.fields.push(String(g.f));
      else if (g.gt === 0) keys.tags.push(String(g.t));
      else keys.themes.push(String(g.h));
    }
    const values = await facetValues(db, plan.territoryId, keys);
    const labels = new Map((counted?.labels ?? []).map((l) => [l.id, l]));
    return countGroups(groups, values, labels, active, plan.audience, locale);
  };
  const [counts, paged] = await besideEachOther(tx, countsOf, pageOf, beside);
  return { ...paged, total: counts.total, facets: facetsOf(counts, locale, kept) };
}

/** A group of `scan`'s grouping sets: its key in its set (`gf`, `gt`: 0 in the fields or tags set), its filters' flags. */
type Group = { f: string | null; t: string | null; h: string | null; gf: number; gt: number; n: number } & Record<string, unknown>;
/** A theme's labels, by locale. */
type ThemeLabel = { id: string } & Record<Locale, string>;
/** What the groups count: the total and each facet's values, unordered (labels null where the caller names them). */
type Counts = { total: number } & Record<FacetName, FacetRow[]>;

/**
 * The total and the facets from the groups of `scan`, as the search statement counted them until
 * the values came from `facetValues`: each facet counts the rows passing every other facet's
 * filter, among those showing the field to a public search; a commune's label is the least of its
 * organisations' names (any filter).
 */
function countGroups(
  groups: Group[],
  values: FacetValues,
  themeLabels: Map<string, ThemeLabel>,
  active: FacetName[],
  audience: Audience,
  locale: Locale,
): Counts {
  const passes = (g: Group, except?: FacetName) => active.every((f) => f === except || g[`f_${f}`] === true);
  const shown = (shows: boolean) => audience === 'staff' || shows;
  const sums = new Map<string, Map<string, number>>(facetNames.map((f) => [f, new Map()]));
  const add = (facet: FacetName, value: string, n: number) => {
    const sum = sums.get(facet) as Map<string, number>;
    sum.set(value, (sum.get(value) ?? 0) + n);
  };
  const labels = new Map<string, string>();
  let total = 0;
  for (const g of groups) {
    const n = g.n;
    if (g.gf === 0) {
      const v = values.fields.get(String(g.f));
      if (!v) continue;
      if (passes(g)) total += n;
      if (v.commune !== null && v.label !== null) {
        const least = labels.get(v.commune);
        if (least === undefined || byCodePoint(v.label, least) < 0) labels.set(v.commune, v.label);
      }
      if (passes(g, 'kind')) add('kind', v.kind, n);
      if (passes(g, 'status') && shown(v.showsStatus)) add('status', v.status, n);
      if (passes(g, 'commune') && v.commune !== null && shown(v.showsCommune)) add('commune', v.commune, n);
    } else if (g.gt === 0) {
      const v = values.tags.get(String(g.t));
      if (v && passes(g, 'tag') && shown(v.shows)) for (const tag of v.values) add('tag', tag, n);
    } else {
      const v = values.themes.get(String(g.h));
      if (v && passes(g, 'theme') && shown(v.shows)) for (const id of v.values) add('theme', id, n);
    }
  }
  const rowsOf = (facet: FacetName, label: (value: string) => string | null) =>
    [...(sums.get(facet) ?? [])].map(([value, count]) => ({ value, label: label(value), count }));
  const theme = rowsOf('theme', (id) => themeLabels.get(id)?.[locale] ?? null).filter((r) => themeLabels.has(r.value));
  return {
    total,
    kind: rowsOf('kind', () => null),
    status: rowsOf('status', () => null),
    commune: rowsOf('commune', (c) => labels.get(c) ?? null),
    // As the kept counts order them: by count, then by value or label in the database's "C" order; the first 50 tags.
    tag: rowsOf('tag', () => null)
      .sort((a, b) => b.count - a.count || byCodePoint(a.value, b.value))
      .slice(0, 50),
    theme: theme.sort((a, b) => b.count - a.count || byCodePoint(String(a.label), String(b.label))),
  };
}

/** Strings in the order of their code points, as the "C" collation orders them (their UTF-8 bytes). */
export function byCodePoint(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i) as number;
    const y = b.codePointAt(i) as number;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

const counted = (rows: FacetRow[]) => rows.map((r) => ({ value: r.value, label: r.label ?? r.value, count: Number(r.count) }));
const byCount = (a: FacetRow, b: FacetRow) => b.count - a.count || String(a.label ?? a.value).localeCompare(String(b.label ?? b.value));

/**
 * The facets from the counted groups (a value no row passing the other filters holds is left out),
 * or from the kept counts: all of them without a scan, `kept.only`'s with one. A commune's label is
 * then the kept one, which comes from all the audience's organisations, as a scan of the whole
 * territory would take it.
 */
function facetsOf(scanned: Omit<Counts, 'total'>, locale: Locale, kept?: Kept): TFacets {
  const named = (facet: FacetRow[], labels: Record<string, Record<Locale, string>>) =>
    counted([...facet].sort(byCount)).map((r) => ({ ...r, label: labels[r.value]?.[locale] ?? r.value }));
  const from = (name: FacetName) => !kept || (kept.only !== undefined && kept.only !== name);
  const c = kept?.counted;
  const commune = (from('commune') ? scanned.commune : (c?.commune ?? []).filter((r) => Number(r.count) > 0))
    .map((r) => (kept ? { ...r, label: kept.labels.get(r.value) ?? null } : r))
    .sort(byCount)
    .slice(0, 50);
  return {
    kind: named(from('kind') ? scanned.kind : (c?.kind ?? []), kindLabels),
    status: named(from('status') ? scanned.status : (c?.status ?? []), statusLabels),
    commune: counted(commune),
    tag: counted(from('tag') ? scanned.tag : (c?.tag ?? [])),
    theme: counted(from('theme') ? scanned.theme : (c?.theme ?? [])),
  };
}
