DROP INDEX "search_words_prefix_idx";--> statement-breakpoint
CREATE INDEX "search_words_prefix_idx" ON "search_words" USING btree ("territory_id","word" text_pattern_ops) WHERE "search_words"."plain";--> statement-breakpoint
-- custom SQL: directory
-- organization_search_words is rebuilt with its columns in the order a search reads them: the
-- fixed-width ones first, then the facets, the names, and the word arrays last. Columns added by
-- migration 0015 came after the word arrays, and PostgreSQL reads a row's columns in order: every
-- row a broad word matched (20,000 of 100,000) walked past two arrays of about 300 bytes to reach
-- its kind. Rebuilding also leaves the table without the dead rows of earlier rewrites.
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
  search_words text[] NOT NULL,
  public_search_words text[] NOT NULL
);--> statement-breakpoint
INSERT INTO organization_search_words_rebuilt (organization_id, territory_id, is_public, shows_status, shows_commune,
  shows_tags, shows_themes, kind, membership_status, commune_insee, name, tags, theme_ids, commune_name, search_name,
  search_words, public_search_words)
SELECT organization_id, territory_id, is_public, shows_status, shows_commune, shows_tags, shows_themes, kind,
  membership_status, commune_insee, name, tags, theme_ids, commune_name, search_name, search_words, public_search_words
FROM organization_search_words ORDER BY territory_id, name;--> statement-breakpoint
DROP TABLE organization_search_words CASCADE;--> statement-breakpoint
ALTER TABLE organization_search_words_rebuilt RENAME TO organization_search_words;--> statement-breakpoint
ALTER TABLE organization_search_words ADD CONSTRAINT organization_search_words_pkey PRIMARY KEY (organization_id);--> statement-breakpoint
ALTER TABLE "organization_search_words" ADD CONSTRAINT "organization_search_words_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_search_words" ADD CONSTRAINT "organization_search_words_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organization_search_words_idx" ON "organization_search_words" USING gin ("search_words");--> statement-breakpoint
CREATE INDEX "organization_search_public_words_idx" ON "organization_search_words" USING gin ("public_search_words");--> statement-breakpoint
ALTER TABLE organization_search_words ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON organization_search_words USING (territory_id = totem_territory()) WITH CHECK (territory_id = totem_territory());--> statement-breakpoint
COMMENT ON TABLE organization_search_words IS 'derived: kept by triggers from organizations and organization_search';--> statement-breakpoint
-- As in migration 0015, with the territory read once per statement (an InitPlan) rather than once
-- per row: `totem_territory()` parses a setting into a uuid, about 0.3 µs a row, 6 ms over a broad
-- word's 20,000 rows.
CREATE VIEW organization_search_words_in_territory AS
  SELECT * FROM organization_search_words WHERE territory_id = (SELECT totem_territory())
  WITH CHECK OPTION;--> statement-breakpoint
ANALYZE organization_search_words;
