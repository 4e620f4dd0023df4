DROP INDEX "search_words_prefix_idx";--> statement-breakpoint
CREATE INDEX "search_words_prefix_idx" ON "search_words" USING btree ("territory_id","word" text_pattern_ops) WHERE "search_words"."plain";--> statement-breakpoint
-- custom SQL: directory
-- organization_search_words is rebuilt with its columns in the order a search reads them: the
-- fixed-width ones first, then the facets, the names, and the words last. Columns added by
-- migration 0015 came after the word arrays, and PostgreSQL reads a row's columns in order: every
-- row a broad word matched (20,000 of 100,000) walked past two arrays of about 300 bytes to reach
-- its kind. Rebuilding also leaves the table without the dead rows of earlier rewrites.
--
-- Its two word arrays (everyone's words, the public's words) become one, `words`: the public words
-- as they are, and the words only the staff may search by marked with `~` (normalised words are
-- letters and digits). The public search matches the words, the staff's each word or its marked
-- form. One GIN index instead of two, and narrower rows: a broad word's matched rows are read page
-- by page, so narrower rows are read from fewer pages.
CREATE OR REPLACE FUNCTION totem_audience_words(search_words text[], public_search_words text[]) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT public_search_words || ARRAY(SELECT '~' || w FROM unnest(search_words) AS w WHERE w <> ALL (public_search_words)) $$;--> statement-breakpoint
CREATE TABLE organization_search_words_rebuilt (
  organization_id uuid NOT NULL,
  territory_id uuid NOT NULL,
  is_public boolean NOT NULL,
  shows_status boolean NOT NULL,
  shows_commune boolean NOT NULL,
  shows_tags boolean NOT NULL,
  shows_themes boolean NOT NULL,
  kind text NOT NULL,
  membership_status text NOT NULL,
  commune_insee text,
  name text NOT NULL,
  tags text[] NOT NULL,
  theme_ids uuid[] NOT NULL,
  commune_name text,
  search_name text NOT NULL,
  words text[] NOT NULL
);--> statement-breakpoint
INSERT INTO organization_search_words_rebuilt (organization_id, territory_id, is_public, shows_status, shows_commune,
  shows_tags, shows_themes, kind, membership_status, commune_insee, name, tags, theme_ids, commune_name, search_name, words)
SELECT organization_id, territory_id, is_public, shows_status, shows_commune, shows_tags, shows_themes, kind,
  membership_status, commune_insee, name, tags, theme_ids, commune_name, search_name,
  totem_audience_words(search_words, public_search_words)
FROM organization_search_words ORDER BY territory_id, name;--> statement-breakpoint
DROP TABLE organization_search_words CASCADE;--> statement-breakpoint
ALTER TABLE organization_search_words_rebuilt RENAME TO organization_search_words;--> statement-breakpoint
ALTER TABLE organization_search_words ADD CONSTRAINT organization_search_words_pkey PRIMARY KEY (organization_id);--> statement-breakpoint
ALTER TABLE "organization_search_words" ADD CONSTRAINT "organization_search_words_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_search_words" ADD CONSTRAINT "organization_search_words_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organization_search_words_words_idx" ON "organization_search_words" USING gin ("words");--> statement-breakpoint
ALTER TABLE organization_search_words ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON organization_search_words USING (territory_id = totem_territory()) WITH CHECK (territory_id = totem_territory());--> statement-breakpoint
COMMENT ON TABLE organization_search_words IS 'derived: kept by triggers from organizations and organization_search';--> statement-breakpoint
-- As in migration 0015, with the territory read once per statement (an InitPlan) rather than once
-- per row: `totem_territory()` parses a setting into a uuid, about 0.3 µs a row, 6 ms over a broad
-- word's 20,000 rows.
CREATE VIEW organization_search_words_in_territory AS
  SELECT * FROM organization_search_words WHERE territory_id = (SELECT totem_territory())
  WITH CHECK OPTION;--> statement-breakpoint
-- The trigger function of migration 0015, writing `words` instead of the two arrays.
CREATE OR REPLACE FUNCTION totem_organization_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH f AS MATERIALIZED (
    SELECT o.id AS organization_id, o.territory_id, o.is_public, o.kind, o.membership_status, o.commune_insee, o.commune_name,
      o.tags, coalesce((SELECT array_agg(ot.theme_id ORDER BY ot.theme_id) FROM organization_themes ot
        WHERE ot.organization_id = o.id), '{}') AS theme_ids,
      'membershipStatus' = ANY(o.public_fields) AS shows_status, 'commune' = ANY(o.public_fields) AS shows_commune,
      'tags' = ANY(o.public_fields) AS shows_tags, 'themes' = ANY(o.public_fields) AS shows_themes, o.name,
      o.search_name, totem_audience_words(o.search_words, o.public_search_words) AS words
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
  INSERT INTO organization_search_words AS w (organization_id, territory_id, is_public, search_name, words, kind,
    membership_status, commune_insee, commune_name, tags, theme_ids, shows_status, shows_commune, shows_tags, shows_themes, name)
  SELECT organization_id, territory_id, is_public, search_name, words, kind, membership_status, commune_insee, commune_name,
    tags, theme_ids, shows_status, shows_commune, shows_tags, shows_themes, name FROM f
  ON CONFLICT (organization_id) DO UPDATE SET territory_id = excluded.territory_id, is_public = excluded.is_public,
    search_name = excluded.search_name, words = excluded.words,
    kind = excluded.kind, membership_status = excluded.membership_status, commune_insee = excluded.commune_insee,
    commune_name = excluded.commune_name, tags = excluded.tags, theme_ids = excluded.theme_ids,
    shows_status = excluded.shows_status, shows_commune = excluded.shows_commune, shows_tags = excluded.shows_tags,
    shows_themes = excluded.shows_themes, name = excluded.name
  WHERE (w.territory_id, w.is_public, w.search_name, w.words, w.kind, w.membership_status,
      w.commune_insee, w.commune_name, w.tags, w.theme_ids, w.shows_status, w.shows_commune, w.shows_tags, w.shows_themes, w.name)
    IS DISTINCT FROM (excluded.territory_id, excluded.is_public, excluded.search_name, excluded.words, excluded.kind,
      excluded.membership_status, excluded.commune_insee, excluded.commune_name,
      excluded.tags, excluded.theme_ids, excluded.shows_status, excluded.shows_commune, excluded.shows_tags,
      excluded.shows_themes, excluded.name);
  RETURN NULL;
END $$;--> statement-breakpoint
-- Inserts take the same function as updates: its ON CONFLICT clauses find no row to update for a
-- new organisation, and one body instead of two keeps the copies' columns in one place (an import
-- of 20,000 organisations measured the same on PGlite either way).
DROP TRIGGER organizations_search_inserted ON organizations;--> statement-breakpoint
CREATE TRIGGER organizations_search_inserted AFTER INSERT ON organizations
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION totem_organization_search_sync();--> statement-breakpoint
DROP FUNCTION totem_organization_search_insert();--> statement-breakpoint
ANALYZE organization_search_words;
--> statement-breakpoint
-- Migration 0013's matching function read the two arrays; nothing has called it since the view of
-- migration 0015 replaced it.
DROP FUNCTION totem_matching_organizations(jsonb, boolean);
