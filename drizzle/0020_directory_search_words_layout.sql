-- custom SQL: directory
-- organization_search_words is rebuilt with its columns in the order a search reads them, as
-- migration 0016 first laid it out: migration 0019 added the three facet keys at the end, after the
-- word array, and PostgreSQL reads a row's columns one after the other. Counting a broad word's
-- 21,000 matched rows (of 100,000) by their keys walked every row past its names, arrays and words
-- (about 500 bytes, several cache lines); the keys now come right after the two ids, at fixed
-- offsets, followed by the flags, the names the rank reads, the facet values, the arrays, and the
-- words last. Rebuilding also leaves the table without the dead rows of earlier writes.
CREATE TABLE organization_search_words_rebuilt (
  organization_id uuid NOT NULL,
  territory_id uuid NOT NULL,
  fields_key bigint GENERATED ALWAYS AS (hash_array_extended(ARRAY[kind, membership_status, commune_insee, commune_name], shows_status::int + 2 * shows_commune::int)) STORED NOT NULL,
  tags_key bigint GENERATED ALWAYS AS (hash_array_extended(tags, shows_tags::int)) STORED NOT NULL,
  themes_key bigint GENERATED ALWAYS AS (hash_array_extended(theme_ids, shows_themes::int)) STORED NOT NULL,
  is_public boolean NOT NULL,
  shows_status boolean NOT NULL,
  shows_commune boolean NOT NULL,
  shows_tags boolean NOT NULL,
  shows_themes boolean NOT NULL,
  name text NOT NULL,
  search_name text NOT NULL,
  kind text NOT NULL,
  membership_status text NOT NULL,
  commune_insee text,
  commune_name text,
  tags text[] NOT NULL,
  theme_ids uuid[] NOT NULL,
  words text[] NOT NULL
);--> statement-breakpoint
INSERT INTO organization_search_words_rebuilt (organization_id, territory_id, is_public, shows_status, shows_commune,
  shows_tags, shows_themes, name, search_name, kind, membership_status, commune_insee, commune_name, tags, theme_ids, words)
SELECT organization_id, territory_id, is_public, shows_status, shows_commune, shows_tags, shows_themes, name, search_name,
  kind, membership_status, commune_insee, commune_name, tags, theme_ids, words
FROM organization_search_words ORDER BY territory_id, name;--> statement-breakpoint
-- The view of migration 0019 goes with the table (CASCADE) and is recreated below.
DROP TABLE organization_search_words CASCADE;--> statement-breakpoint
ALTER TABLE organization_search_words_rebuilt RENAME TO organization_search_words;--> statement-breakpoint
ALTER TABLE organization_search_words ADD CONSTRAINT organization_search_words_pkey PRIMARY KEY (organization_id);--> statement-breakpoint
ALTER TABLE "organization_search_words" ADD CONSTRAINT "organization_search_words_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_search_words" ADD CONSTRAINT "organization_search_words_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organization_search_words_words_idx" ON "organization_search_words" USING gin ("words");--> statement-breakpoint
ALTER TABLE organization_search_words ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON organization_search_words USING (territory_id = totem_territory()) WITH CHECK (territory_id = totem_territory());--> statement-breakpoint
COMMENT ON TABLE organization_search_words IS 'derived: kept by triggers from organizations and organization_search';--> statement-breakpoint
CREATE VIEW organization_search_words_in_territory AS
  SELECT * FROM organization_search_words WHERE territory_id = (SELECT totem_territory())
  WITH CHECK OPTION;--> statement-breakpoint
ANALYZE organization_search_words;
