import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';

/** What a fields key of `organization_search` stands for (migration 0019). */
export type FieldValues = {
  kind: string;
  status: string;
  commune: string | null;
  label: string | null;
  showsStatus: boolean;
  showsCommune: boolean;
};
/** What a tags or themes key stands for: the set, and whether the organisations holding it show it. */
export type SetValues = { values: string[]; shows: boolean };
/** What the keys of one territory met so far stand for, by key: a search's keys among them, unless no row holds one any more. */
export type FacetValues = {
  fields: Map<string, FieldValues>;
  tags: Map<string, SetValues>;
  themes: Map<string, SetValues>;
};
export type FacetKeys = { fields: string[]; tags: string[]; themes: string[] };

/**
 * Keys read so far, by territory, then by key. A key is the hash of the values it stands for, so
 * what it stands for never changes: a search reads from the database only the keys no search of
 * this process has met yet (at 100,000 organisations, a few hundred keys in all, against as many
 * index lookups on every search before), and none once they are all known. Cleared whole past
 * `cacheLimit` entries.
 */
const cache = new Map<string, FacetValues>();
let cached = 0;
const cacheLimit = 100_000;

type Missing = {
  fields: { key: string; v: [string, string, string | null, string | null, boolean, boolean] }[] | null;
  tags: { key: string; v: [string[], boolean] }[] | null;
  themes: { key: string; v: [string[], boolean] }[] | null;
};

const bigints = (keys: string[]) => sql`${`{${keys.join(',')}}`}::bigint[]`;

/**
 * The values of these keys (in the transaction's territory), from the cache or, for the keys it
 * lacks, from one row of the territory holding each (an index lookup per key), in one statement.
 */
export async function facetValues(tx: Db, territoryId: string, keys: FacetKeys): Promise<FacetValues> {
  if (cached > cacheLimit) {
    cache.clear();
    cached = 0;
  }
  let known = cache.get(territoryId);
  if (!known) {
    known = { fields: new Map(), tags: new Map(), themes: new Map() };
    cache.set(territoryId, known);
  }
  const lacking = (map: Map<string, unknown>, list: string[]) => [...new Set(list.filter((k) => !map.has(k)))];
  const missing = {
    fields: lacking(known.fields, keys.fields),
    tags: lacking(known.tags, keys.tags),
    themes: lacking(known.themes, keys.themes),
  };
  if (!missing.fields.length && !missing.tags.length && !missing.themes.length) return known;
  /** One row of the territory holding each key, its values as a JSON array. */
  const lookup = (column: string, list: string[], values: string) =>
    list.length
      ? sql`(SELECT json_agg(json_build_object('key', k.key::text, 'v', v.v)) FROM unnest(${bigints(list)}) AS k(key)
        CROSS JOIN LATERAL (SELECT json_build_array(${sql.raw(values)}) AS v FROM organization_search w
          WHERE w.territory_id = ${territoryId} AND ${sql.raw(`w.${column}`)} = k.key LIMIT 1) v)`
      : sql`NULL::json`;
  const r = await tx.execute(sql`SELECT
    ${lookup('fields_key', missing.fields, 'w.kind, w.membership_status, w.commune_insee, w.commune_name, w.shows_status, w.shows_commune')} AS fields,
    ${lookup('tags_key', missing.tags, 'w.tags, w.shows_tags')} AS tags,
    ${lookup('themes_key', missing.themes, 'w.theme_ids, w.shows_themes')} AS themes`);
  const [found] = (r as unknown as { rows: Missing[] }).rows;
  for (const { key, v } of found?.fields ?? []) {
    const [kind, status, commune, label, showsStatus, showsCommune] = v;
    known.fields.set(key, { kind, status, commune, label, showsStatus, showsCommune });
  }
  for (const { key, v } of found?.tags ?? []) known.tags.set(key, { values: v[0], shows: v[1] });
  for (const { key, v } of found?.themes ?? []) known.themes.set(key, { values: v[0], shows: v[1] });
  cached += (found?.fields?.length ?? 0) + (found?.tags?.length ?? 0) + (found?.themes?.length ?? 0);
  return known;
}
