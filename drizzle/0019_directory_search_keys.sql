-- Each facet group's values hashed into one 64-bit key, so that a search groups its matched rows
-- by three bigint columns rather than by text and array columns (directory.tables.ts). One ALTER
-- per table: the table is rewritten once.
ALTER TABLE "organization_search"
  ADD COLUMN "fields_key" bigint GENERATED ALWAYS AS (hash_array_extended(ARRAY[kind, membership_status, commune_insee, commune_name], shows_status::int + 2 * shows_commune::int)) STORED NOT NULL,
  ADD COLUMN "tags_key" bigint GENERATED ALWAYS AS (hash_array_extended(tags, shows_tags::int)) STORED NOT NULL,
  ADD COLUMN "themes_key" bigint GENERATED ALWAYS AS (hash_array_extended(theme_ids, shows_themes::int)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "organization_search_words"
  ADD COLUMN "fields_key" bigint GENERATED ALWAYS AS (hash_array_extended(ARRAY[kind, membership_status, commune_insee, commune_name], shows_status::int + 2 * shows_commune::int)) STORED NOT NULL,
  ADD COLUMN "tags_key" bigint GENERATED ALWAYS AS (hash_array_extended(tags, shows_tags::int)) STORED NOT NULL,
  ADD COLUMN "themes_key" bigint GENERATED ALWAYS AS (hash_array_extended(theme_ids, shows_themes::int)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "organization_search_territory_fields_key_idx" ON "organization_search" USING btree ("territory_id","fields_key");--> statement-breakpoint
CREATE INDEX "organization_search_territory_tags_key_idx" ON "organization_search" USING btree ("territory_id","tags_key");--> statement-breakpoint
CREATE INDEX "organization_search_territory_themes_key_idx" ON "organization_search" USING btree ("territory_id","themes_key");--> statement-breakpoint
-- The view of migration 0016 lists the table's columns as they were: it now lists the keys too.
CREATE OR REPLACE VIEW organization_search_words_in_territory AS
  SELECT * FROM organization_search_words WHERE territory_id = (SELECT totem_territory())
  WITH CHECK OPTION;
