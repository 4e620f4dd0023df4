CREATE TABLE "organization_facet_counts" (
	"territory_id" uuid NOT NULL,
	"audience" text NOT NULL,
	"facet" text NOT NULL,
	"value" text NOT NULL,
	"label" text,
	"n" integer NOT NULL,
	"seen" integer NOT NULL
);
--> statement-breakpoint
DROP INDEX "search_words_word_trgm_idx";--> statement-breakpoint
-- custom SQL: directory
-- The copy is derived: emptied here so that its new columns can be NOT NULL, refilled below.
TRUNCATE organization_search_words;--> statement-breakpoint
ALTER TABLE "organization_search_words" ADD COLUMN "kind" text NOT NULL;--> statement-breakpoint
ALTER TABLE "organization_search_words" ADD COLUMN "membership_status" text NOT NULL;--> statement-breakpoint
ALTER TABLE "organization_search_words" ADD COLUMN "commune_insee" text;--> statement-breakpoint
ALTER TABLE "organization_search_words" ADD COLUMN "commune_name" text;--> statement-breakpoint
ALTER TABLE "organization_search_words" ADD COLUMN "tags" text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "organization_search_words" ADD COLUMN "theme_ids" uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "organization_search_words" ADD COLUMN "shows_status" boolean NOT NULL;--> statement-breakpoint
ALTER TABLE "organization_search_words" ADD COLUMN "shows_commune" boolean NOT NULL;--> statement-breakpoint
ALTER TABLE "organization_search_words" ADD COLUMN "shows_tags" boolean NOT NULL;--> statement-breakpoint
ALTER TABLE "organization_search_words" ADD COLUMN "shows_themes" boolean NOT NULL;--> statement-breakpoint
ALTER TABLE "organization_search_words" ADD COLUMN "name" text NOT NULL;--> statement-breakpoint
ALTER TABLE "organization_facet_counts" ADD CONSTRAINT "organization_facet_counts_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organization_facet_counts_idx" ON "organization_facet_counts" USING btree ("territory_id","audience");--> statement-breakpoint
CREATE INDEX "organization_search_territory_kind_idx" ON "organization_search" USING btree ("territory_id","kind");--> statement-breakpoint
CREATE INDEX "search_words_plain_trgm_idx" ON "search_words" USING gin ("word" gin_trgm_ops) WHERE "search_words"."plain";--> statement-breakpoint
-- custom SQL: directory
-- organization_search_words now carries what organization_search counts and sorts, so that a search
-- with words reads the rows its words match and nothing else (the join to organization_search cost
-- more than the match). The triggers of migration 0013 write both copies from the same values, each
-- computed once per row (`f`), in one statement: joining the written rows back to organization_search
-- would be planned as a scan of the whole table for each chunk of an import.
CREATE OR REPLACE FUNCTION totem_organization_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH f AS MATERIALIZED (
    SELECT o.id AS organization_id, o.territory_id, o.is_public, o.kind, o.membership_status, o.commune_insee, o.commune_name,
      o.tags, coalesce((SELECT array_agg(ot.theme_id ORDER BY ot.theme_id) FROM organization_themes ot
        WHERE ot.organization_id = o.id), '{}') AS theme_ids,
      'membershipStatus' = ANY(o.public_fields) AS shows_status, 'commune' = ANY(o.public_fields) AS shows_commune,
      'tags' = ANY(o.public_fields) AS shows_tags, 'themes' = ANY(o.public_fields) AS shows_themes, o.name,
      o.search_name, o.search_words, o.public_search_words
    FROM changed o),
  copied AS (
    INSERT INTO organization_search AS s (organization_id, territory_id, is_public, kind, membership_status, commune_insee,
      commune_name, tags, theme_ids, shows_status, shows_commune, shows_tags, shows_themes, name)
    SELECT organization_id, territory_id, is_public, kind, membership_status, commune_insee, commune_name, tags, theme_ids,
      shows_status, shows_commune, shows_tags, shows_themes, name FROM f
    ON CONFLICT (organization_id) DO UPDATE SET territory_id = excluded.territory_id, is_public = excluded.is_public,
      kind = excluded.kind, membership_status = excluded.membership_status, commune_insee = excluded.commune_insee,
      commune_name = excluded.commune_name, tags = excluded.tags, shows_status = excluded.shows_status,
      shows_commune = excluded.shows_commune, shows_tags = excluded.shows_tags, shows_themes = excluded.shows_themes,
      name = excluded.name
    WHERE (s.territory_id, s.is_public, s.kind, s.membership_status, s.commune_insee, s.commune_name, s.tags, s.shows_status,
        s.shows_commune, s.shows_tags, s.shows_themes, s.name)
      IS DISTINCT FROM (excluded.territory_id, excluded.is_public, excluded.kind, excluded.membership_status,
        excluded.commune_insee, excluded.commune_name, excluded.tags, excluded.shows_status, excluded.shows_commune,
        excluded.shows_tags, excluded.shows_themes, excluded.name))
  INSERT INTO organization_search_words AS w (organization_id, territory_id, is_public, search_name, search_words,
    public_search_words, kind, membership_status, commune_insee, commune_name, tags, theme_ids, shows_status, shows_commune,
    shows_tags, shows_themes, name)
  SELECT organization_id, territory_id, is_public, search_name, search_words, public_search_words, kind, membership_status,
    commune_insee, commune_name, tags, theme_ids, shows_status, shows_commune, shows_tags, shows_themes, name FROM f
  ON CONFLICT (organization_id) DO UPDATE SET territory_id = excluded.territory_id, is_public = excluded.is_public,
    search_name = excluded.search_name, search_words = excluded.search_words, public_search_words = excluded.public_search_words,
    kind = excluded.kind, membership_status = excluded.membership_status, commune_insee = excluded.commune_insee,
    commune_name = excluded.commune_name, tags = excluded.tags, theme_ids = excluded.theme_ids,
    shows_status = excluded.shows_status, shows_commune = excluded.shows_commune, shows_tags = excluded.shows_tags,
    shows_themes = excluded.shows_themes, name = excluded.name
  WHERE (w.territory_id, w.is_public, w.search_name, w.search_words, w.public_search_words, w.kind, w.membership_status,
      w.commune_insee, w.commune_name, w.tags, w.theme_ids, w.shows_status, w.shows_commune, w.shows_tags, w.shows_themes, w.name)
    IS DISTINCT FROM (excluded.territory_id, excluded.is_public, excluded.search_name, excluded.search_words,
      excluded.public_search_words, excluded.kind, excluded.membership_status, excluded.commune_insee, excluded.commune_name,
      excluded.tags, excluded.theme_ids, excluded.shows_status, excluded.shows_commune, excluded.shows_tags,
      excluded.shows_themes, excluded.name);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION totem_organization_search_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH f AS MATERIALIZED (
    SELECT o.id AS organization_id, o.territory_id, o.is_public, o.kind, o.membership_status, o.commune_insee, o.commune_name,
      o.tags, coalesce((SELECT array_agg(ot.theme_id ORDER BY ot.theme_id) FROM organization_themes ot
        WHERE ot.organization_id = o.id), '{}') AS theme_ids,
      'membershipStatus' = ANY(o.public_fields) AS shows_status, 'commune' = ANY(o.public_fields) AS shows_commune,
      'tags' = ANY(o.public_fields) AS shows_tags, 'themes' = ANY(o.public_fields) AS shows_themes, o.name,
      o.search_name, o.search_words, o.public_search_words
    FROM changed o),
  copied AS (
    INSERT INTO organization_search (organization_id, territory_id, is_public, kind, membership_status, commune_insee,
      commune_name, tags, theme_ids, shows_status, shows_commune, shows_tags, shows_themes, name)
    SELECT organization_id, territory_id, is_public, kind, membership_status, commune_insee, commune_name, tags, theme_ids,
      shows_status, shows_commune, shows_tags, shows_themes, name FROM f)
  INSERT INTO organization_search_words (organization_id, territory_id, is_public, search_name, search_words, public_search_words,
    kind, membership_status, commune_insee, commune_name, tags, theme_ids, shows_status, shows_commune, shows_tags, shows_themes, name)
  SELECT organization_id, territory_id, is_public, search_name, search_words, public_search_words, kind, membership_status,
    commune_insee, commune_name, tags, theme_ids, shows_status, shows_commune, shows_tags, shows_themes, name FROM f;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION totem_organization_search_themes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH copied AS (
    UPDATE organization_search s SET theme_ids = coalesce((SELECT array_agg(ot.theme_id ORDER BY ot.theme_id)
      FROM organization_themes ot WHERE ot.organization_id = s.organization_id), '{}')
    WHERE s.organization_id IN (SELECT organization_id FROM changed)
    RETURNING s.organization_id, s.theme_ids)
  UPDATE organization_search_words w SET theme_ids = c.theme_ids FROM copied c
  WHERE w.organization_id = c.organization_id AND w.theme_ids IS DISTINCT FROM c.theme_ids;
  RETURN NULL;
END $$;--> statement-breakpoint
INSERT INTO organization_search_words (organization_id, territory_id, is_public, search_name, search_words, public_search_words,
  kind, membership_status, commune_insee, commune_name, tags, theme_ids, shows_status, shows_commune, shows_tags, shows_themes, name)
SELECT o.id, o.territory_id, o.is_public, o.search_name, o.search_words, o.public_search_words, s.kind, s.membership_status,
  s.commune_insee, s.commune_name, s.tags, s.theme_ids, s.shows_status, s.shows_commune, s.shows_tags, s.shows_themes, s.name
FROM organizations o JOIN organization_search s ON s.organization_id = o.id;--> statement-breakpoint
ANALYZE organization_search_words;--> statement-breakpoint
-- The word match of migration 0013 ran in a SECURITY DEFINER function because row-level security
-- keeps operators that are not LEAKPROOF (`&&`) out of index scans; but a function's rows are
-- gathered into a tuplestore before the search reads them, which cost as much as the match at
-- 20,000 matching rows. This view gives the same thing, planned with the search itself: its owner's
-- rights skip the policy, and it applies the same territory rule (nothing without a territory). It
-- is not a security barrier, so that the search's `&&` reaches the GIN indexes: the conditions put
-- on it are the application's own. CHECK OPTION: a write through it stays in the territory, as the
-- policy's WITH CHECK requires.
DROP FUNCTION totem_search_organizations(jsonb, text[], boolean);--> statement-breakpoint
CREATE VIEW organization_search_words_in_territory AS
  SELECT * FROM organization_search_words WHERE territory_id = totem_territory()
  WITH CHECK OPTION;--> statement-breakpoint
-- The words within a small typo of each term (`pg_trgm.similarity_threshold`), the closest first,
-- at most `most` per term. SECURITY DEFINER for the reason given in migration 0009: under row-level
-- security the trigram index could not serve `%`, and every word of the territories was compared;
-- the territory rule is applied here, from the same setting as the policy.
CREATE OR REPLACE FUNCTION totem_similar_words(terms text[], most int) RETURNS TABLE (i int, words text[])
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT q.i::int, array_remove(array_agg(sw.word), NULL)
  FROM unnest(terms) WITH ORDINALITY AS q(term, i)
  LEFT JOIN LATERAL (
    SELECT w.word FROM search_words w WHERE q.term <> '' AND w.territory_id = totem_territory() AND w.plain AND w.word % q.term
    ORDER BY w.word <-> q.term LIMIT most
  ) sw ON true
  GROUP BY q.i
$$;--> statement-breakpoint
-- The facet counts' changes made by a statement on organization_search: +1 for each value an added
-- row holds, -1 for each a removed row held, per audience (the public counts a public
-- organisation's value only when it shows the field, as the search does), summed per value. None
-- for a territory being deleted: its counts go with it (and could not refer to it).
CREATE OR REPLACE FUNCTION totem_facet_count_changes(added organization_search[], removed organization_search[]) RETURNS void
  LANGUAGE sql AS $$
  INSERT INTO organization_facet_counts (territory_id, audience, facet, value, label, n, seen)
  SELECT c.* FROM (
  SELECT r.territory_id, a.audience, k.facet, k.value, k.label,
    sum(CASE WHEN k.shown THEN r.sign ELSE 0 END)::int, sum(CASE WHEN k.shown OR k.facet = 'commune' THEN r.sign ELSE 0 END)::int
  FROM (SELECT x.*, 1 AS sign FROM unnest(added) x UNION ALL SELECT x.*, -1 FROM unnest(removed) x) r
  CROSS JOIN LATERAL (VALUES ('staff'), ('public')) a(audience)
  CROSS JOIN LATERAL (
    SELECT 'total', '', NULL::text, true
    UNION ALL SELECT 'kind', r.kind, NULL, true
    UNION ALL SELECT 'status', r.membership_status, NULL, a.audience = 'staff' OR r.shows_status
    UNION ALL SELECT 'commune', r.commune_insee, r.commune_name, a.audience = 'staff' OR r.shows_commune
      WHERE r.commune_insee IS NOT NULL
    UNION ALL SELECT 'tag', t, NULL, a.audience = 'staff' OR r.shows_tags FROM unnest(r.tags) t
    UNION ALL SELECT 'theme', h::text, NULL, a.audience = 'staff' OR r.shows_themes FROM unnest(r.theme_ids) h
  ) k(facet, value, label, shown)
  WHERE a.audience = 'staff' OR r.is_public
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(CASE WHEN k.shown THEN r.sign ELSE 0 END) <> 0 OR sum(CASE WHEN k.shown OR k.facet = 'commune' THEN r.sign ELSE 0 END) <> 0
  ) c WHERE EXISTS (SELECT FROM territories t WHERE t.id = c.territory_id)
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION totem_organization_facet_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM totem_facet_count_changes(ARRAY(SELECT a::organization_search FROM added a), '{}'::organization_search[]);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM totem_facet_count_changes('{}'::organization_search[], ARRAY(SELECT r::organization_search FROM removed r));
  ELSE
    PERFORM totem_facet_count_changes(ARRAY(SELECT a::organization_search FROM added a),
      ARRAY(SELECT r::organization_search FROM removed r));
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER organization_search_counts_inserted AFTER INSERT ON organization_search
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION totem_organization_facet_counts();--> statement-breakpoint
CREATE TRIGGER organization_search_counts_updated AFTER UPDATE ON organization_search
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION totem_organization_facet_counts();--> statement-breakpoint
CREATE TRIGGER organization_search_counts_deleted AFTER DELETE ON organization_search
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION totem_organization_facet_counts();--> statement-breakpoint
-- Folds the counts' changes into one row per value: of the transaction's territory under row-level
-- security, of every territory in a system transaction. The sums are unchanged, so a concurrent
-- search sees the same counts before and after; concurrent writers only append and never wait.
CREATE OR REPLACE FUNCTION totem_compact_facet_counts() RETURNS void LANGUAGE sql AS $$
  WITH gone AS (DELETE FROM organization_facet_counts RETURNING *)
  INSERT INTO organization_facet_counts (territory_id, audience, facet, value, label, n, seen)
  SELECT territory_id, audience, facet, value, label, sum(n)::int, sum(seen)::int FROM gone
  GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0 OR sum(seen) <> 0
$$;--> statement-breakpoint
SELECT totem_facet_count_changes(ARRAY(SELECT s FROM organization_search s), '{}'::organization_search[]);--> statement-breakpoint
ALTER TABLE organization_facet_counts ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON organization_facet_counts USING (territory_id = totem_territory()) WITH CHECK (territory_id = totem_territory());--> statement-breakpoint
COMMENT ON TABLE organization_facet_counts IS 'derived: kept by triggers from organization_search';--> statement-breakpoint
COMMENT ON TABLE organization_search_words IS 'derived: kept by triggers from organizations and organization_search';
