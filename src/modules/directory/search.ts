import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import type { TPublicField } from './directory.contract.ts';
import { organizations } from './directory.tables.ts';
import { kindLabels, statusLabels } from './labels.ts';
import { type FacetName, facetNames, type TFacets, type TOrganizationSearchQuery } from './search.contract.ts';

/** Public searches see public organisations and match or facet only on the fields each one shows. */
export type Audience = 'public' | 'staff';
export type SearchPlan = { where: (except?: FacetName) => SQL; rank: SQL | null; audience: Audience };

const o = organizations;
/** Below this word similarity a word is not taken for a misspelling of another. */
const typoThreshold = 0.5;
/** Shorter words are matched as substrings only: their trigrams say too little. */
const typoMinLength = 4;

const shows = (audience: Audience, field: TPublicField) => (audience === 'public' ? sql`${field} = ANY(${o.publicFields})` : undefined);

/** Normalises the query with the database's own function (accents, case, punctuation), then splits it into words. */
export async function queryWords(tx: Db, q: string | undefined): Promise<{ normalized: string; words: string[] }> {
  if (!q?.trim()) return { normalized: '', words: [] };
  const r = await tx.execute(sql`SELECT totem_normalize(${q}) AS n`);
  const normalized = String((r as unknown as { rows: { n: string | null }[] }).rows[0]?.n ?? '');
  return { normalized, words: normalized.split(' ').filter(Boolean).slice(0, 8) };
}

/**
 * The condition that each word of the query appears in a search document, or a word close to it
 * (a small typo), with the database's own normalisation; no condition when the query has no words.
 */
export async function wordsMatch(tx: Db, doc: SQL, q: string | undefined): Promise<{ normalized: string; match: SQL | undefined }> {
  const { normalized, words } = await queryWords(tx, q);
  if (!words.length) return { normalized, match: undefined };
  if (words.some((w) => w.length >= typoMinLength)) {
    await tx.execute(sql`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(typoThreshold)}, true)`);
  }
  const each = words.map((w) =>
    w.length >= typoMinLength ? sql`(${doc} LIKE ${`%${w}%`} OR ${w} <% ${doc})` : sql`${doc} LIKE ${`%${w}%`}`,
  );
  return { normalized, match: and(...each) };
}

/** The filters of a search as SQL; `where(facet)` leaves out that facet's own filter, for its counts. */
export async function planSearch(tx: Db, territoryId: string, query: TOrganizationSearchQuery, audience: Audience): Promise<SearchPlan> {
  const doc = audience === 'public' ? sql`${o.publicSearchText}` : sql`${o.searchText}`;
  const { normalized, match } = await wordsMatch(tx, doc, query.q);
  const filters: Record<FacetName, SQL | undefined> = {
    kind: query.kind ? eq(o.kind, query.kind) : undefined,
    status: query.status ? and(eq(o.membershipStatus, query.status), shows(audience, 'membershipStatus')) : undefined,
    commune: query.commune ? and(eq(o.communeInsee, query.commune), shows(audience, 'commune')) : undefined,
    tag: query.tag ? and(sql`${query.tag.toLowerCase()} = ANY(${o.tags})`, shows(audience, 'tags')) : undefined,
    theme: query.theme
      ? and(
          sql`EXISTS (SELECT 1 FROM organization_themes ot JOIN territory_themes t ON t.id = ot.theme_id
            WHERE ot.organization_id = ${o.id} AND (t.id::text = ${query.theme} OR t.slug = ${query.theme}))`,
          shows(audience, 'themes'),
        )
      : undefined,
  };
  const base = and(eq(o.territoryId, territoryId), audience === 'public' ? eq(o.isPublic, true) : undefined, match);
  const where = (except?: FacetName) =>
    and(base, ...Object.entries(filters).flatMap(([name, f]) => (name === except || !f ? [] : [f]))) ?? sql`true`;
  const rank = normalized
    ? sql`similarity(totem_normalize(${o.name}), ${normalized}) + word_similarity(${normalized}, ${doc})
        + CASE WHEN totem_normalize(${o.name}) LIKE ${`${normalized}%`} THEN 1 ELSE 0 END`
    : null;
  return { where, rank, audience };
}

type FacetRow = { value: string; label: string | null; count: number };
const rowsOf = (r: unknown) => (r as { rows: FacetRow[] }).rows;
const counted = (rows: FacetRow[]) => rows.map((r) => ({ value: r.value, label: r.label ?? r.value, count: Number(r.count) }));

/** Counts per value of each facet, under the query and the other facets' filters. */
export async function facetCounts(tx: Db, plan: SearchPlan, locale: Locale): Promise<TFacets> {
  const pub = (field: TPublicField) => (plan.audience === 'public' ? sql`AND ${field} = ANY(${o.publicFields})` : sql``);
  const label = locale === 'fr' ? sql`t.label_fr` : sql`t.label_en`;
  const queries: Record<FacetName, SQL> = {
    kind: sql`SELECT ${o.kind} AS value, NULL AS label, count(*)::int AS count FROM ${o} WHERE ${plan.where('kind')}
      GROUP BY 1 ORDER BY 3 DESC, 1`,
    status: sql`SELECT ${o.membershipStatus} AS value, NULL AS label, count(*)::int AS count FROM ${o}
      WHERE ${plan.where('status')} ${pub('membershipStatus')} GROUP BY 1 ORDER BY 3 DESC, 1`,
    commune: sql`SELECT ${o.communeInsee} AS value, min(${o.communeName}) AS label, count(*)::int AS count FROM ${o}
      WHERE ${plan.where('commune')} AND ${o.communeInsee} IS NOT NULL ${pub('commune')} GROUP BY 1 ORDER BY 3 DESC, 2 LIMIT 50`,
    tag: sql`SELECT tag AS value, NULL AS label, count(*)::int AS count FROM ${o}, unnest(${o.tags}) AS tag
      WHERE ${plan.where('tag')} ${pub('tags')} GROUP BY 1 ORDER BY 3 DESC, 1 LIMIT 50`,
    theme: sql`SELECT t.id::text AS value, min(${label}) AS label, count(*)::int AS count FROM ${o}
      JOIN organization_themes ot ON ot.organization_id = ${o.id} JOIN territory_themes t ON t.id = ot.theme_id
      WHERE ${plan.where('theme')} ${pub('themes')} GROUP BY 1 ORDER BY 3 DESC, 2`,
  };
  const rows = {} as Record<FacetName, FacetRow[]>;
  // One client runs one query at a time: sequential, not Promise.all.
  for (const name of facetNames) rows[name] = rowsOf(await tx.execute(queries[name]));
  const named = (rows: FacetRow[], labels: Record<string, Record<Locale, string>>) =>
    counted(rows).map((r) => ({ ...r, label: labels[r.value]?.[locale] ?? r.value }));
  return {
    kind: named(rows.kind, kindLabels),
    status: named(rows.status, statusLabels),
    commune: counted(rows.commune),
    tag: counted(rows.tag),
    theme: counted(rows.theme),
  };
}
