import { sql } from 'drizzle-orm';
import type { Database, Db } from '../../platform/db/client.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import type { Audience } from './search.ts';

/** One facet value as the search statement answers it (label null where the caller names it). */
export type FacetRow = { value: string; label: string | null; count: number };

/** The territory's counts for one audience: what a search without words or filters would count. */
export type CountedFacets = {
  total: number;
  kind: FacetRow[];
  status: FacetRow[];
  /** Every commune held by the audience's organisations, shown or not (count 0), for the labels. */
  commune: FacetRow[];
  tag: FacetRow[];
  theme: FacetRow[];
};

type Answer = { total: number } & Record<'kind' | 'status' | 'commune' | 'tag' | 'theme', FacetRow[] | null>;

/**
 * The facet counts of the transaction's territory for one audience, read from
 * `organization_facet_counts` (the sums of its changes) rather than counted over the territory's
 * organisations. Same answers as the search over the whole territory: tags and themes in the same
 * order (by count, then in the "C" order), the first 50 tags, a commune's label the least of its
 * organisations' names.
 */
export async function countedFacets(tx: Db, territoryId: string, audience: Audience, locale: Locale): Promise<CountedFacets> {
  const label = locale === 'fr' ? sql`t.label_fr` : sql`t.label_en`;
  const r = await tx.execute(sql`
    WITH v AS (
      SELECT facet, value, label, sum(n)::int AS n, sum(seen)::int AS seen FROM organization_facet_counts
      WHERE territory_id = ${territoryId} AND audience = ${audience} GROUP BY 1, 2, 3),
    f AS (SELECT facet, value, min(label) FILTER (WHERE seen > 0) AS label, sum(n)::int AS n, sum(seen)::int AS seen
      FROM v GROUP BY 1, 2)
    SELECT
      (SELECT coalesce(sum(n), 0) FROM f WHERE facet = 'total')::int AS total,
      (SELECT json_agg(g) FROM (SELECT value, NULL AS label, n AS count FROM f WHERE facet = 'kind' AND n > 0) g) AS kind,
      (SELECT json_agg(g) FROM (SELECT value, NULL AS label, n AS count FROM f WHERE facet = 'status' AND n > 0) g) AS status,
      (SELECT json_agg(g) FROM (SELECT value, label, n AS count FROM f WHERE facet = 'commune' AND seen > 0) g) AS commune,
      (SELECT json_agg(g) FROM (SELECT value, NULL AS label, n AS count FROM f WHERE facet = 'tag' AND n > 0
        ORDER BY n DESC, value COLLATE "C" LIMIT 50) g) AS tag,
      (SELECT json_agg(g) FROM (SELECT t.id::text AS value, ${label} AS label, f.n AS count FROM f
        JOIN territory_themes t ON t.id::text = f.value WHERE f.facet = 'theme' AND f.n > 0 ORDER BY f.n DESC, ${label} COLLATE "C") g) AS theme`);
  const [a] = (r as unknown as { rows: Answer[] }).rows;
  return {
    total: Number(a?.total ?? 0),
    kind: a?.kind ?? [],
    status: a?.status ?? [],
    commune: a?.commune ?? [],
    tag: a?.tag ?? [],
    theme: a?.theme ?? [],
  };
}

/**
 * Folds the facet counts' changes into one row per value (`totem_compact_facet_counts`, migration
 * 0015): of the transaction's territory, or of all in a system transaction. Reading the counts
 * costs a row per change until then; run after large writes (imports) and by the hourly maintenance.
 */
export async function compactFacetCounts(tx: Db): Promise<void> {
  await tx.execute(sql`SELECT totem_compact_facet_counts()`);
}

/** The hourly maintenance's part: every territory's facet counts folded, in one system transaction. */
export async function compactAllFacetCounts(database: Database): Promise<void> {
  await database.transaction({ system: true }, compactFacetCounts);
}
