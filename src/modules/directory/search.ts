import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import type { TPublicField } from './directory.contract.ts';
import { organizations } from './directory.tables.ts';
import { kindLabels, statusLabels } from './labels.ts';
import type { FacetName, TFacets, TOrganizationSearchQuery } from './search.contract.ts';

/** Public searches see public organisations and match or facet only on the fields each one shows. */
export type Audience = 'public' | 'staff';
export type SearchPlan = {
  /** Territory, audience and words: what every facet's counts share. */
  base: SQL;
  /** The facet filters, leaving out one facet's own. */
  filters: (except?: FacetName) => SQL;
  where: (except?: FacetName) => SQL;
  rank: SQL | null;
  audience: Audience;
};

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

/** A query word stands for the territory's words it begins, or that are this close to it (a small typo). */
const wordSimilarity = 0.5;
/** Query words shorter than this match only whole words: "d" would begin too many. */
const prefixMinLength = 3;
/** At most this many of the territory's words for one query word, the closest first. */
const expansionLimit = 500;
/** At most this many spellings for a misspelt word, the closest first. */
const typoLimit = 20;

const textArray = (values: string[]) =>
  values.length
    ? sql`ARRAY[${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )}]::text[]`
    : sql`'{}'::text[]`;

type Expanded = { i: number; words: string[] | null };

/**
 * The territory's words each term may stand for: itself and the words it begins (a btree range over
 * `search_words`); a term that stands for none is taken for a misspelling and expanded to the words
 * within a small typo of it (the trigram index). Typos are looked for only then, as search engines
 * do, because a similarity search costs far more than a range.
 */
async function expand(tx: Db, territoryId: string, terms: string[]): Promise<string[][]> {
  const rowsOf = (r: unknown) => (r as { rows: Expanded[] }).rows;
  const listed = (rows: Expanded[], k: number) => rows.find((row) => Number(row.i) === k + 1)?.words ?? [];
  const found = rowsOf(
    await tx.execute(sql`
    SELECT q.i::int AS i, array_remove(array_agg(sw.word), NULL) AS words
    FROM unnest(${textArray(terms)}) WITH ORDINALITY AS q(term, i)
    LEFT JOIN LATERAL (
      SELECT word FROM search_words WHERE territory_id = ${territoryId} AND (word = q.term
        OR (plain AND length(q.term) >= ${prefixMinLength} AND word ~>=~ q.term AND word ~<~ (q.term || '~')))
      ORDER BY length(word), word LIMIT ${expansionLimit}
    ) sw ON true
    GROUP BY q.i`),
  );
  const expanded = terms.map((_, k) => listed(found, k));
  const unknown = terms.map((t, k) => (expanded[k]?.length || t.length < typoMinLength ? '' : t));
  if (!unknown.some(Boolean)) return expanded;
  await tx.execute(sql`SELECT set_config('pg_trgm.similarity_threshold', ${String(wordSimilarity)}, true)`);
  const close = rowsOf(
    await tx.execute(sql`
    SELECT q.i::int AS i, array_remove(array_agg(sw.word), NULL) AS words
    FROM unnest(${textArray(unknown)}) WITH ORDINALITY AS q(term, i)
    LEFT JOIN LATERAL (
      SELECT word FROM search_words WHERE q.term <> '' AND territory_id = ${territoryId} AND plain AND word % q.term
      ORDER BY word <-> q.term LIMIT ${typoLimit}
    ) sw ON true
    GROUP BY q.i`),
  );
  return expanded.map((words, k) => (words.length ? words : listed(close, k)));
}

/**
 * Which organisations match the words: each query word must be found (itself or a word it stands
 * for), alone or joined to its neighbour ("fab lab" as "fablab"). The match runs in
 * `totem_matching_organizations` (migration 0009), where the GIN indexes on the word arrays can serve
 * it; the ids it returns then reach the page and the facets through the primary key. Also a rank: the name equal to or
 * beginning with the query first, then names holding the words, then exact (not misspelt) words.
 */
async function matchWords(tx: Db, territoryId: string, words: string[], normalized: string, audience: Audience) {
  const docWords = audience === 'public' ? sql`${o.publicSearchWords}` : sql`${o.searchWords}`;
  const pairs = words.slice(1).map((w, k) => `${words[k]}${w}`);
  const expanded = await expand(tx, territoryId, [...words, ...pairs]);
  const single = expanded.slice(0, words.length);
  const joined = expanded.slice(words.length);
  // Each query word's alternatives (itself, or joined to a neighbour) as one group of words: `a && x OR a && y` is `a && (x ∪ y)`.
  const groups = words.map((_, i) => [...new Set([...(single[i] ?? []), ...(joined[i - 1] ?? []), ...(joined[i] ?? [])])]);
  const match = groups.some((g) => !g.length)
    ? sql`false`
    : sql`${o.id} = ANY(ARRAY(SELECT totem_matching_organizations(${JSON.stringify(groups)}::jsonb, ${audience === 'public'})))`;
  const nameWords = sql`string_to_array(${o.searchName}, ' ')`;
  const rank = sql`(CASE WHEN ${o.searchName} = ${normalized} THEN 3 ELSE 0 END
    + CASE WHEN ${o.searchName} LIKE ${`${normalized}%`} THEN 2 ELSE 0 END
    ${sql.join(
      single.map((ws) => (ws.length ? sql` + CASE WHEN ${nameWords} && ${textArray(ws)} THEN 1 ELSE 0 END` : sql``)),
      sql``,
    )}
    + cardinality(ARRAY(SELECT unnest(${docWords}) INTERSECT SELECT unnest(${textArray(words)}))))`;
  return { match, rank };
}

/**
 * The filters of a search as SQL; `where(facet)` leaves out that facet's own filter, for its counts.
 * The words are matched once: the ids found stand for the text condition in every later query.
 */
export async function planSearch(tx: Db, territoryId: string, query: TOrganizationSearchQuery, audience: Audience): Promise<SearchPlan> {
  const { normalized, words } = await queryWords(tx, query.q);
  const text = words.length ? await matchWords(tx, territoryId, words, normalized, audience) : undefined;
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
  const base = and(eq(o.territoryId, territoryId), audience === 'public' ? eq(o.isPublic, true) : undefined, text?.match) as SQL;
  const others = (except?: FacetName) =>
    and(...Object.entries(filters).flatMap(([name, f]) => (name === except || !f ? [] : [f]))) ?? sql`true`;
  return { base, filters: others, where: (except) => and(base, others(except)) as SQL, rank: text?.rank ?? null, audience };
}

type FacetRow = { value: string; label: string | null; count: number };
const rowsOf = (r: unknown) => (r as { rows: FacetRow[] }).rows;
const counted = (rows: FacetRow[]) => rows.map((r) => ({ value: r.value, label: r.label ?? r.value, count: Number(r.count) }));

type FieldRow = { kind: string | null; status: string | null; commune: string | null; label: string | null } & Record<
  'g_kind' | 'g_status' | 'g_commune' | 'by_kind' | 'by_status' | 'by_commune',
  number
>;

/**
 * The kind, status and commune facets in one pass over the matching organisations: grouping sets,
 * each set counting only the rows that pass the other facets' filters.
 */
async function fieldFacets(tx: Db, plan: SearchPlan, pub: (field: TPublicField) => SQL) {
  const r = await tx.execute(sql`
    SELECT ${o.kind} AS kind, ${o.membershipStatus} AS status, ${o.communeInsee} AS commune, min(${o.communeName}) AS label,
      GROUPING(${o.kind}) AS g_kind, GROUPING(${o.membershipStatus}) AS g_status, GROUPING(${o.communeInsee}) AS g_commune,
      count(*) FILTER (WHERE ${plan.filters('kind')})::int AS by_kind,
      count(*) FILTER (WHERE ${plan.filters('status')} ${pub('membershipStatus')})::int AS by_status,
      count(*) FILTER (WHERE ${plan.filters('commune')} AND ${o.communeInsee} IS NOT NULL ${pub('commune')})::int AS by_commune
    FROM ${o} WHERE ${plan.base}
    GROUP BY GROUPING SETS ((${o.kind}), (${o.membershipStatus}), (${o.communeInsee}))`);
  const rows = (r as unknown as { rows: FieldRow[] }).rows;
  const pick = (grouped: (row: FieldRow) => number, value: (row: FieldRow) => string | null, n: (row: FieldRow) => number) =>
    rows
      .filter((row) => Number(grouped(row)) === 0 && value(row) !== null && Number(n(row)) > 0)
      .map((row) => ({ value: String(value(row)), label: null as string | null, count: Number(n(row)) }));
  const byCount = (a: FacetRow, b: FacetRow) => b.count - a.count || String(a.label ?? a.value).localeCompare(String(b.label ?? b.value));
  return {
    kind: pick(
      (x) => x.g_kind,
      (x) => x.kind,
      (x) => x.by_kind,
    ).sort(byCount),
    status: pick(
      (x) => x.g_status,
      (x) => x.status,
      (x) => x.by_status,
    ).sort(byCount),
    commune: rows
      .filter((row) => Number(row.g_commune) === 0 && row.commune !== null && Number(row.by_commune) > 0)
      .map((row) => ({ value: String(row.commune), label: row.label, count: Number(row.by_commune) }))
      .sort(byCount)
      .slice(0, 50),
  };
}

/** Counts per value of each facet, under the query and the other facets' filters. */
export async function facetCounts(tx: Db, plan: SearchPlan, locale: Locale): Promise<TFacets> {
  const pub = (field: TPublicField) => (plan.audience === 'public' ? sql`AND ${field} = ANY(${o.publicFields})` : sql``);
  const label = locale === 'fr' ? sql`t.label_fr` : sql`t.label_en`;
  const fields = await fieldFacets(tx, plan, pub);
  // One client runs one query at a time: sequential, not Promise.all.
  const tag = rowsOf(
    await tx.execute(sql`SELECT tag AS value, NULL AS label, count(*)::int AS count FROM ${o}, unnest(${o.tags}) AS tag
      WHERE ${plan.where('tag')} ${pub('tags')} GROUP BY 1 ORDER BY 3 DESC, 1 LIMIT 50`),
  );
  const theme = rowsOf(
    await tx.execute(sql`SELECT t.id::text AS value, min(${label}) AS label, count(*)::int AS count FROM ${o}
      JOIN organization_themes ot ON ot.organization_id = ${o.id} JOIN territory_themes t ON t.id = ot.theme_id
      WHERE ${plan.where('theme')} ${pub('themes')} GROUP BY 1 ORDER BY 3 DESC, 2`),
  );
  const rows = { ...fields, tag, theme };
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
