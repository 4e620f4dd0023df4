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
/** The values of the keys a search counted, and the territory's theme labels. */
export type FacetValues = {
  fields: Map<string, FieldValues>;
  tags: Map<string, SetValues>;
  themes: Map<string, SetValues>;
  themeLabels: Map<string, { fr: string; en: string }>;
};
export type FacetKeys = { fields: string[]; tags: string[]; themes: string[] };

/**
 * Keys read so far, by territory and key. A key is the hash of the values it stands for, so what
 * it stands for never changes: a search reads from the database only the keys no search of this
 * process has met yet (at 100,000 organisations, a few hundred keys in all, against as many index
 * lookups on every search before). Cleared whole past `cacheLimit` entries.
 */
const cache = { fields: new Map<string, FieldValues>(), tags: new Map<string, SetValues>(), themes: new Map<string, SetValues>() };
const cacheLimit = 100_000;

type Missing = {
  fields: { key: string; v: [string, string, string | null, string | null, boolean, boolean] }[] | null;
  tags: { key: string; v: [string[], boolean] }[] | null;
  themes: { key: string; v: [string[], boolean] }[] | null;
  labels: { id: string; fr: string; en: string }[] | null;
};

const bigints = (keys: string[]) => sql`${`{${keys.join(',')}}`}::bigint[]`;

/**
 * The values of these keys (in the transaction's territory), from the cache or, for the keys it
 * lacks, from one row of the territory holding each (an index lookup per key), with the territory's
 * theme labels, which can change and so are read every time: one statement.
 */
export async function facetValues(tx: Db, territoryId: string, keys: FacetKeys): Promise<FacetValues> {
  const scoped = (key: string) => `${territoryId}:${key}`;
  const lacking = (map: Map<string, unknown>, list: string[]) => list.filter((k) => !map.has(scoped(k)));
  const missing = {
    fields: lacking(cache.fields, keys.fields),
    tags: lacking(cache.tags, keys.tags),
    themes: lacking(cache.themes, keys.themes),
  };
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
    ${lookup('themes_key', missing.themes, 'w.theme_ids, w.shows_themes')} AS themes,
    (SELECT json_agg(json_build_object('id', t.id::text, 'fr', t.label_fr, 'en', t.label_en)) FROM territory_themes t
      WHERE t.territory_id = ${territoryId}) AS labels`);
  const [found] = (r as unknown as { rows: Missing[] }).rows;
  if (cache.fields.size + cache.tags.size + cache.themes.size > cacheLimit) {
    for (const map of Object.values(cache)) map.clear();
  }
  for (const { key, v } of found?.fields ?? []) {
    const [kind, status, commune, label, showsStatus, showsCommune] = v;
    cache.fields.set(scoped(key), { kind, status, commune, label, showsStatus, showsCommune });
  }
  for (const { key, v } of found?.tags ?? []) cache.tags.set(scoped(key), { values: v[0], shows: v[1] });
  for (const { key, v } of found?.themes ?? []) cache.themes.set(scoped(key), { values: v[0], shows: v[1] });
  const pick = <T>(map: Map<string, T>, list: string[]) =>
    new Map(
      list.flatMap((k) => {
        const v = map.get(scoped(k));
        return v ? [[k, v] as const] : [];
      }),
    );
  return {
    fields: pick(cache.fields, keys.fields),
    tags: pick(cache.tags, keys.tags),
    themes: pick(cache.themes, keys.themes),
    themeLabels: new Map((found?.labels ?? []).map((l) => [l.id, { fr: l.fr, en: l.en }])),
  };
}
