CREATE TABLE "organization_search" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"territory_id" uuid NOT NULL,
	"is_public" boolean NOT NULL,
	"kind" text NOT NULL,
	"membership_status" text NOT NULL,
	"commune_insee" text,
	"commune_name" text,
	"tags" text[] NOT NULL,
	"theme_ids" uuid[] NOT NULL,
	"shows_status" boolean NOT NULL,
	"shows_commune" boolean NOT NULL,
	"shows_tags" boolean NOT NULL,
	"shows_themes" boolean NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organization_search_words" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"territory_id" uuid NOT NULL,
	"is_public" boolean NOT NULL,
	"search_name" text NOT NULL,
	"search_words" text[] NOT NULL,
	"public_search_words" text[] NOT NULL
);
--> statement-breakpoint
DROP INDEX "organizations_search_words_idx";--> statement-breakpoint
DROP INDEX "organizations_public_search_words_idx";--> statement-breakpoint
ALTER TABLE "organization_search" ADD CONSTRAINT "organization_search_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_search" ADD CONSTRAINT "organization_search_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_search_words" ADD CONSTRAINT "organization_search_words_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_search_words" ADD CONSTRAINT "organization_search_words_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organization_search_territory_name_idx" ON "organization_search" USING btree ("territory_id","name");--> statement-breakpoint
CREATE INDEX "organization_search_words_idx" ON "organization_search_words" USING gin ("search_words");--> statement-breakpoint
CREATE INDEX "organization_search_public_words_idx" ON "organization_search_words" USING gin ("public_search_words");--> statement-breakpoint
-- custom SQL: directory
-- The words of migration 0006, computed as before but in PL/pgSQL: the name is normalised once per
-- call rather than twice for every word of the document, and no SQL-function call is set up per
-- row; indexing the search documents cost about a millisecond per organisation. Same words, same order.
CREATE OR REPLACE FUNCTION totem_plain_words(name text, doc text) RETURNS text[]
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  normalized text := coalesce(totem_normalize(name), '');
  whole text := replace(normalized, ' ', '');
  spaced boolean := position(' ' IN normalized) > 0;
BEGIN
  RETURN coalesce((SELECT array_agg(DISTINCT w) FROM unnest(string_to_array(coalesce(doc, ''), ' ')) AS w
    WHERE w <> '' AND NOT (w = whole AND spaced)), '{}'::text[]);
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION totem_joined_words(name text) RETURNS text[]
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  normalized text := coalesce(totem_normalize(name), '');
BEGIN
  RETURN coalesce((SELECT array_agg(DISTINCT w) FROM (
    SELECT a || b AS w FROM (
      SELECT w AS a, lead(w) OVER (ORDER BY i) AS b
      FROM unnest(string_to_array(normalized, ' ')) WITH ORDINALITY AS n(w, i)
    ) pairs WHERE b IS NOT NULL
    UNION ALL
    SELECT replace(normalized, ' ', '') WHERE position(' ' IN normalized) > 0
  ) joined WHERE w <> ''), '{}'::text[]);
END $$;--> statement-breakpoint
-- One normalisation of the name per call, and the plain and joined words gathered in one query.
CREATE OR REPLACE FUNCTION totem_search_words(name text, doc text) RETURNS text[]
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  normalized text;
  whole text;
  spaced boolean;
BEGIN
  IF coalesce(doc, '') = '' THEN
    RETURN '{}'::text[];
  END IF;
  normalized := coalesce(totem_normalize(name), '');
  whole := replace(normalized, ' ', '');
  spaced := position(' ' IN normalized) > 0;
  -- Sorted, as the earlier SQL body's plan returned them.
  RETURN ARRAY(SELECT DISTINCT w FROM (
      SELECT w FROM unnest(string_to_array(doc, ' ')) AS w WHERE w <> '' AND NOT (w = whole AND spaced)
      UNION ALL
      SELECT a || b FROM (
        SELECT w AS a, lead(w) OVER (ORDER BY i) AS b FROM unnest(string_to_array(normalized, ' ')) WITH ORDINALITY AS n(w, i)
      ) pairs WHERE b IS NOT NULL AND a || b <> ''
      UNION ALL
      SELECT whole WHERE spaced AND whole <> ''
    ) words ORDER BY w);
END $$;--> statement-breakpoint
-- organization_search and organization_search_words mirror what the search reads of each
-- organisation. Statement triggers copy the rows a statement wrote (transition tables), so a bulk
-- write costs two more statements, not two per row; a copy left unchanged is not rewritten (an
-- edit of the search documents alone leaves organization_search as it was). Themes come from
-- organization_themes' own triggers.
CREATE OR REPLACE FUNCTION totem_organization_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO organization_search AS s (organization_id, territory_id, is_public, kind, membership_status, commune_insee,
    commune_name, tags, theme_ids, shows_status, shows_commune, shows_tags, shows_themes, name)
  SELECT o.id, o.territory_id, o.is_public, o.kind, o.membership_status, o.commune_insee, o.commune_name, o.tags,
    coalesce((SELECT array_agg(ot.theme_id ORDER BY ot.theme_id) FROM organization_themes ot WHERE ot.organization_id = o.id), '{}'),
    'membershipStatus' = ANY(o.public_fields), 'commune' = ANY(o.public_fields), 'tags' = ANY(o.public_fields),
    'themes' = ANY(o.public_fields), o.name
  FROM changed o
  ON CONFLICT (organization_id) DO UPDATE SET territory_id = excluded.territory_id, is_public = excluded.is_public,
    kind = excluded.kind, membership_status = excluded.membership_status, commune_insee = excluded.commune_insee,
    commune_name = excluded.commune_name, tags = excluded.tags, shows_status = excluded.shows_status,
    shows_commune = excluded.shows_commune, shows_tags = excluded.shows_tags, shows_themes = excluded.shows_themes,
    name = excluded.name
  WHERE (s.territory_id, s.is_public, s.kind, s.membership_status, s.commune_insee, s.commune_name, s.tags, s.shows_status,
      s.shows_commune, s.shows_tags, s.shows_themes, s.name)
    IS DISTINCT FROM (excluded.territory_id, excluded.is_public, excluded.kind, excluded.membership_status,
      excluded.commune_insee, excluded.commune_name, excluded.tags, excluded.shows_status, excluded.shows_commune,
      excluded.shows_tags, excluded.shows_themes, excluded.name);
  INSERT INTO organization_search_words AS w (organization_id, territory_id, is_public, search_name, search_words, public_search_words)
  SELECT o.id, o.territory_id, o.is_public, o.search_name, o.search_words, o.public_search_words FROM changed o
  ON CONFLICT (organization_id) DO UPDATE SET territory_id = excluded.territory_id, is_public = excluded.is_public,
    search_name = excluded.search_name, search_words = excluded.search_words, public_search_words = excluded.public_search_words
  WHERE (w.territory_id, w.is_public, w.search_name, w.search_words, w.public_search_words)
    IS DISTINCT FROM (excluded.territory_id, excluded.is_public, excluded.search_name, excluded.search_words,
      excluded.public_search_words);
  RETURN NULL;
END $$;--> statement-breakpoint
-- New organisations have no copies yet: plain inserts, without the conflict checks of an upsert.
CREATE OR REPLACE FUNCTION totem_organization_search_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO organization_search (organization_id, territory_id, is_public, kind, membership_status, commune_insee,
    commune_name, tags, theme_ids, shows_status, shows_commune, shows_tags, shows_themes, name)
  SELECT o.id, o.territory_id, o.is_public, o.kind, o.membership_status, o.commune_insee, o.commune_name, o.tags,
    coalesce((SELECT array_agg(ot.theme_id ORDER BY ot.theme_id) FROM organization_themes ot WHERE ot.organization_id = o.id), '{}'),
    'membershipStatus' = ANY(o.public_fields), 'commune' = ANY(o.public_fields), 'tags' = ANY(o.public_fields),
    'themes' = ANY(o.public_fields), o.name
  FROM changed o;
  INSERT INTO organization_search_words (organization_id, territory_id, is_public, search_name, search_words, public_search_words)
  SELECT o.id, o.territory_id, o.is_public, o.search_name, o.search_words, o.public_search_words FROM changed o;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER organizations_search_inserted AFTER INSERT ON organizations
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION totem_organization_search_insert();--> statement-breakpoint
CREATE TRIGGER organizations_search_updated AFTER UPDATE ON organizations
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION totem_organization_search_sync();--> statement-breakpoint
CREATE OR REPLACE FUNCTION totem_organization_search_themes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE organization_search s SET theme_ids = coalesce((SELECT array_agg(ot.theme_id ORDER BY ot.theme_id)
    FROM organization_themes ot WHERE ot.organization_id = s.organization_id), '{}')
  WHERE s.organization_id IN (SELECT organization_id FROM changed);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER organization_themes_search_inserted AFTER INSERT ON organization_themes
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION totem_organization_search_themes();--> statement-breakpoint
CREATE TRIGGER organization_themes_search_deleted AFTER DELETE ON organization_themes
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION totem_organization_search_themes();--> statement-breakpoint
CREATE TRIGGER organization_themes_search_updated_from AFTER UPDATE ON organization_themes
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION totem_organization_search_themes();--> statement-breakpoint
CREATE TRIGGER organization_themes_search_updated_to AFTER UPDATE ON organization_themes
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION totem_organization_search_themes();--> statement-breakpoint
-- Backups leave derived tables out: restoring the organisations and their themes rebuilds them.
COMMENT ON TABLE organization_search IS 'derived: kept by triggers from organizations and organization_themes';--> statement-breakpoint
COMMENT ON TABLE organization_search_words IS 'derived: kept by triggers from organizations';--> statement-breakpoint
INSERT INTO organization_search (organization_id, territory_id, is_public, kind, membership_status, commune_insee, commune_name,
  tags, theme_ids, shows_status, shows_commune, shows_tags, shows_themes, name)
SELECT o.id, o.territory_id, o.is_public, o.kind, o.membership_status, o.commune_insee, o.commune_name, o.tags,
  coalesce((SELECT array_agg(ot.theme_id ORDER BY ot.theme_id) FROM organization_themes ot WHERE ot.organization_id = o.id), '{}'),
  'membershipStatus' = ANY(o.public_fields), 'commune' = ANY(o.public_fields), 'tags' = ANY(o.public_fields),
  'themes' = ANY(o.public_fields), o.name
FROM organizations o;--> statement-breakpoint
INSERT INTO organization_search_words (organization_id, territory_id, is_public, search_name, search_words, public_search_words)
SELECT o.id, o.territory_id, o.is_public, o.search_name, o.search_words, o.public_search_words FROM organizations o;--> statement-breakpoint
ANALYZE organization_search;--> statement-breakpoint
ANALYZE organization_search_words;--> statement-breakpoint
ALTER TABLE organization_search ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON organization_search USING (territory_id = totem_territory()) WITH CHECK (territory_id = totem_territory());--> statement-breakpoint
ALTER TABLE organization_search_words ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON organization_search_words USING (territory_id = totem_territory()) WITH CHECK (territory_id = totem_territory());--> statement-breakpoint
-- The match of migration 0009, now over the narrow copy (same rule: the transaction's territory only).
CREATE OR REPLACE FUNCTION totem_matching_organizations(groups jsonb, public_only boolean) RETURNS SETOF uuid
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp ROWS 100 AS $$
DECLARE
  territory uuid := totem_territory();
  n int := CASE WHEN jsonb_typeof(groups) = 'array' THEN jsonb_array_length(groups) ELSE 0 END;
  words text := CASE WHEN public_only THEN 'public_search_words' ELSE 'search_words' END;
  conditions text := '';
BEGIN
  IF territory IS NULL OR n = 0 OR n > 32 THEN
    RETURN;
  END IF;
  FOR i IN 0 .. n - 1 LOOP
    conditions := conditions || format(' AND s.%I && ARRAY(SELECT jsonb_array_elements_text($2->%s))', words, i);
  END LOOP;
  RETURN QUERY EXECUTE 'SELECT s.organization_id FROM organization_search_words s WHERE s.territory_id = $1'
    || CASE WHEN public_only THEN ' AND s.is_public' ELSE '' END || conditions
    USING territory, groups;
END $$;--> statement-breakpoint
-- The organisations matching a query's words, with what the rank needs of them: the normalised
-- name and `hits`, how many of the query's distinct words (`exact`, at most 16) the organisation
-- holds as they are (not misspelt). SECURITY DEFINER for the reason given in migration 0009: under
-- row-level security the GIN indexes could not serve `&&`; the territory rule is applied here, from
-- the same setting as the policy, and nothing is returned without a territory.
CREATE OR REPLACE FUNCTION totem_search_organizations(groups jsonb, exact text[], public_only boolean)
  RETURNS TABLE (organization_id uuid, search_name text, hits int)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp ROWS 1000 AS $$
DECLARE
  territory uuid := totem_territory();
  n int := CASE WHEN jsonb_typeof(groups) = 'array' THEN jsonb_array_length(groups) ELSE 0 END;
  words text := CASE WHEN public_only THEN 'public_search_words' ELSE 'search_words' END;
  conditions text := '';
  counted text := '0';
BEGIN
  IF territory IS NULL OR n = 0 OR n > 32 OR coalesce(cardinality(exact), 0) > 16 THEN
    RETURN;
  END IF;
  FOR i IN 0 .. n - 1 LOOP
    conditions := conditions || format(' AND s.%I && ARRAY(SELECT jsonb_array_elements_text($2->%s))', words, i);
  END LOOP;
  FOR i IN 1 .. coalesce(cardinality(exact), 0) LOOP
    counted := counted || format(' + (s.%I && ARRAY[$3[%s]])::int', words, i);
  END LOOP;
  RETURN QUERY EXECUTE 'SELECT s.organization_id, s.search_name, ' || counted
    || ' FROM organization_search_words s WHERE s.territory_id = $1' || CASE WHEN public_only THEN ' AND s.is_public' ELSE '' END
    || conditions
    USING territory, groups, exact;
END $$;
--> statement-breakpoint
-- Planner statistics of the directory's tables, refreshed by a large import inside its transaction
-- (ANALYZE counts the rows the transaction itself wrote): otherwise the planner still believes the
-- territory holds the few organisations it had, and reads every row written so far for each chunk
-- it updates by id (a bitmap over the territory instead of the primary key), so that an import into
-- an empty territory took a time growing with the square of its size. SECURITY DEFINER: ANALYZE is
-- for the tables' owner; it changes no data.
CREATE OR REPLACE FUNCTION totem_analyze_directory() RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  ANALYZE organizations (id, territory_id);
  ANALYZE organization_themes (organization_id, territory_id);
  ANALYZE organization_search (organization_id, territory_id);
  ANALYZE organization_search_words (organization_id, territory_id);
END $$;
