import { and, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { FacetName, TOrganizationSearchQuery } from './search.contract.ts';

/** Public searches see public organisations and match or facet only on the fields each one shows. */
export type Audience = 'public' | 'staff';
/**
 * A search as SQL over `organization_search` rows aliased `s`: where they come from (the territory's,
 * or those matching the words), each facet's filter, and the rank when there are words.
 */
export type SearchPlan = {
  /** A relation `s` with the columns of `organization_search` the search reads, `search_name` and `hits`. */
  source: SQL;
  filters: Record<FacetName, SQL | undefined>;
  rank: SQL | null;
  /**
   * When the rank beyond the name is the same for every matched row (each query word either held by
   * all of them or by none), the condition that the name holds a query word: the rows passing it
   * rank above every other, so a page they fill is theirs alone. Over `s.search_name`, for the
   * index on the names' words (migration 0021).
   */
  named: SQL | null;
  audience: Audience;
  territoryId: string;
  /** Whether the query has words: without, the source is the whole territory (for the audience). */
  words: boolean;
};
/** Below this word similarity a word is not taken for a misspelling of another. */
const typoThreshold = 0.5;
/** Shorter words are matched as substrings only: their trigrams say too little. */
const typoMinLength = 4;

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
/** A term's words: itself and the words it begins, or, when it stands for none, the words within a small typo of it. */
type Expansion = { words: string[]; misspelt: boolean };

/**
 * The territory's words each term may stand for: itself and the words it begins (a btree range over
 * `search_words`); a term that stands for none is taken for a misspelling and expanded to the words
 * within a small typo of it (the trigram index). Typos are looked for only then, as search engines
 * do, because a similarity search costs far more than a range, and only for the first
 * `misspellable` terms (the query's words): two words joined ("bethunesante") are not a misspelling
 * of a word close to them ("bethune"), which would let "bethune" alone stand for "sante".
 */
async function expand(tx: Db, territoryId: string, terms: string[], misspellable: number): Promise<Expansion[]> {
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
  const unknown = terms.map((t, k) => (k >= misspellable || expanded[k]?.length || t.length < typoMinLength ? '' : t));
  if (!unknown.some(Boolean)) return expanded.map((words) => ({ words, misspelt: false }));
  await tx.execute(sql`SELECT set_config('pg_trgm.similarity_threshold', ${String(wordSimilarity)}, true)`);
  // In a SECURITY DEFINER function (migration 0015): under row-level security `%` could not use the trigram index.
  const close = rowsOf(await tx.execute(sql`SELECT i, words FROM totem_similar_words(${textArray(unknown)}, ${typoLimit})`));
  return expanded.map((words, k) => (words.length ? { words, misspelt: false } : { words: listed(close, k), misspelt: true }));
}

/** The columns of `organization_search` the search reads. */
const columns = [
  'organization_id',
  'kind',
  'membership_status',
  'commune_insee',
  'commune_name',
  'tags',
  'theme_ids',
  'shows_status',
  'shows_commune',
  'shows_tags',
  'shows_themes',
  'name',
  'fields_key',
  'tags_key',
  'themes_key',
];
const columnsOf = (alias: string) => sql.raw(columns.map((c) => `${alias}.${c}`).join(', '));

/**
 * Which organisations match the words: each query word must be found (itself or a word it stands
 * for), alone or joined to its neighbour ("fab lab" as "fablab"). The match reads the view
 * `organization_search_words_in_territory` (migrations 0015 and 0016: the territory's rows, without
 * the row-level security that would keep `&&` from the GIN indexes), whose rows carry their facet
 * columns, so no join follows. Also a rank: the name equal to or beginning with the query first,
 * then names holding the words, then exact (not misspelt) words (`hits`, how many of the query's
 * distinct words the organisation holds as they are).
 *
 * The rank is computed for every matching row (20,000 for a broad word at the national scale), so
 * it is kept cheap: a query word whose only alternative is itself is held by every matching row (it
 * adds 1 without reading the row's words), a misspelt word by none (0); a name holds a word
 * beginning with a term (of at least `prefixMinLength` letters, or the term itself) when
 * `' ' || name` contains `' ' || term` (normalised words are letters and digits, nothing LIKE reads
 * as a wildcard); only misspelt terms compare the name's words with their few spellings.
 */
async function matchWords(tx: Db, territoryId: string, words: string[], normalized: string, audience: Audience) {
  const pairs = words.slice(1).map((w, k) => `${words[k]}${w}`);
  const expanded = await expand(tx, territoryId, [...words, ...pairs], words.length);
  const single = expanded.slice(0, words.length);
  const joined = expanded.slice(words.length).map((e) => e.words);
  // Each query word's alternatives (itself, or joined to a neighbour) as one group of words: `a && x OR a && y` is `a && (x ∪ y)`.
  const groups = words.map((_, i) => [...new Set([...(single[i]?.words ?? []), ...(joined[i - 1] ?? []), ...(joined[i] ?? [])])]);
  // `words` holds the public words as they are and the staff's other words marked `~` (migration 0016).
  const forAudience = (ws: string[]) => textArray(audience === 'public' ? ws : ws.flatMap((w) => [w, `~${w}`]));
  // Every matching row holds a word whose only alternative is itself; none holds a misspelt word (no organisation has it).
  const surely = (w: string) => groups.some((g, i) => words[i] === w && g.length === 1 && g[0] === w);
  const never = (w: string) => single.some((e, i) => words[i] === w && e.misspelt);
  const hits = sql.join(
    [...new Set(words)].map((w) => (surely(w) ? sql`1` : never(w) ? sql`0` : sql`(m.words && ${forAudience([w])})::int`)),
    sql` + `,
  );
  const source = groups.some((g) => !g.length)
    ? sql`(SELECT ${columnsOf('f')}, '' AS search_name, 0 AS hits FROM organization_search f WHERE false) s`
    : sql`(SELECT ${columnsOf('m')}, m.search_name, ${hits} AS hits FROM organization_search_words_in_territory m
        WHERE ${audience === 'public' ? sql`m.is_public` : sql`true`}${sql.join(
          groups.map((g) => sql` AND m.words && ${forAudience(g)}`),
          sql``,
        )}) s`;
  const nameHolds = (e: Expansion | undefined, term: string) => {
    if (!e?.words.length) return sql``;
    // Shorter terms stand for themselves only, so the name must hold them whole.
    const holds = e.misspelt
      ? sql`string_to_array(s.search_name, ' ') && ${textArray(e.words)}`
      : term.length >= prefixMinLength
        ? sql`(' ' || s.search_name) LIKE ${`% ${term}%`}`
        : sql`(' ' || s.search_name || ' ') LIKE ${`% ${term} %`}`;
    return sql` + CASE WHEN ${holds} THEN 1 ELSE 0 END`;
  };
  // The rank's name part is above 0 exactly when the name holds a term: a name beginning with the
  // query begins with its first word; a term holds when a name word is one of the words it stands
  // for (all the territory's words it begins, unless cut at the limit), or of its spellings.
  const nameWords = [...new Set(single.flatMap((e) => e.words))];
  const sameHits = [...new Set(words)].every((w) => surely(w) || never(w));
  const named =
    sameHits && (words[0]?.length ?? 0) >= prefixMinLength && single.every((e) => e.words.length < expansionLimit)
      ? sql`string_to_array(s.search_name, ' ') && ${textArray(nameWords)}`
      : null;
  const rank = sql`(CASE WHEN s.search_name = ${normalized} THEN 3 ELSE 0 END
    + CASE WHEN s.search_name LIKE ${`${normalized}%`} THEN 2 ELSE 0 END
    ${sql.join(
      single.map((e, i) => nameHolds(e, words[i] ?? '')),
      sql``,
    )}
    + s.hits)`;
  return { source, rank, named };
}

/** The ids of the territory's themes named by id or slug (none when no theme has it). */
async function themeIds(tx: Db, territoryId: string, theme: string): Promise<string[]> {
  const r = await tx.execute(sql`SELECT id::text AS id FROM territory_themes
    WHERE territory_id = ${territoryId} AND (id::text = ${theme} OR slug = ${theme})`);
  return (r as unknown as { rows: { id: string }[] }).rows.map((row) => row.id);
}

/**
 * The search as SQL over `organization_search`: the words are matched once, by the source; each
 * facet's filter is kept apart, so that its counts can leave it out.
 */
export async function planSearch(tx: Db, territoryId: string, query: TOrganizationSearchQuery, audience: Audience): Promise<SearchPlan> {
  const { normalized, words } = await queryWords(tx, query.q);
  const text = words.length ? await matchWords(tx, territoryId, words, normalized, audience) : undefined;
  const shows = (column: string) => (audience === 'public' ? sql.raw(` AND s.${column}`) : sql``);
  const themes = query.theme ? await themeIds(tx, territoryId, query.theme) : [];
  const filters: Record<FacetName, SQL | undefined> = {
    kind: query.kind ? sql`s.kind = ${query.kind}` : undefined,
    status: query.status ? sql`(s.membership_status = ${query.status}${shows('shows_status')})` : undefined,
    commune: query.commune ? sql`(s.commune_insee = ${query.commune}${shows('shows_commune')})` : undefined,
    tag: query.tag ? sql`(${query.tag.toLowerCase()} = ANY(s.tags)${shows('shows_tags')})` : undefined,
    theme: query.theme
      ? themes.length
        ? sql`(s.theme_ids && ${textArray(themes)}::uuid[]${shows('shows_themes')})`
        : sql`false`
      : undefined,
  };
  const source =
    text?.source ??
    sql`(SELECT ${columnsOf('f')}, '' AS search_name, 0 AS hits FROM organization_search f
      WHERE f.territory_id = ${territoryId}${audience === 'public' ? sql` AND f.is_public` : sql``}) s`;
  return { source, filters, rank: text?.rank ?? null, named: text?.named ?? null, audience, territoryId, words: words.length > 0 };
}

/** Every filter but one facet's own (all of them without `except`), as SQL over `s`. */
export function filtersBut(plan: SearchPlan, except?: FacetName): SQL {
  const kept = Object.entries(plan.filters).flatMap(([name, f]) => (name === except || !f ? [] : [f]));
  return and(...kept) ?? sql`true`;
}
