-- custom SQL: directory
-- An organisation's row keeps what an import must write and nothing more. Its words are one array,
-- `search_words`, marked for their audience as its copy in organization_search_words holds them
-- (the public words as they are, the staff's other words marked `~`), instead of two arrays (every
-- field's words, the public fields' words) that the copy's trigger combined for each row it wrote.
-- Its two documents (every field, the public fields), read only to tell the vocabulary which words
-- are plain, give way to `search_joined`, the few words only the name run together makes. Each
-- new organisation's row is about 900 bytes narrower, the vocabulary is added without searching
-- the documents, and the trigger copies the words as they are.
--
-- The trigger function of migration 0016, copying the marked words as they are.
CREATE OR REPLACE FUNCTION totem_organization_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH f AS MATERIALIZED (
    SELECT o.id AS organization_id, o.territory_id, o.is_public, o.kind, o.membership_status, o.commune_insee, o.commune_name,
      o.tags, coalesce((SELECT array_agg(ot.theme_id ORDER BY ot.theme_id) FROM organization_themes ot
        WHERE ot.organization_id = o.id), '{}') AS theme_ids,
      'membershipStatus' = ANY(o.public_fields) AS shows_status, 'commune' = ANY(o.public_fields) AS shows_commune,
      'tags' = ANY(o.public_fields) AS shows_tags, 'themes' = ANY(o.public_fields) AS shows_themes, o.name,
      o.search_name, o.search_words AS words
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
ALTER TABLE "organizations" ADD COLUMN "search_joined" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
-- The words marked as migration 0016 marks them, and the words the vocabulary does not take for
-- plain (`addSearchWords` until now): not in the document as they are, or the whole name run
-- together when it has several words. The copies already hold these words: the backfill leaves
-- them alone rather than recompute each.
ALTER TABLE organizations DISABLE TRIGGER organizations_search_updated;--> statement-breakpoint
UPDATE organizations SET search_words = totem_audience_words(search_words, public_search_words),
  search_joined = ARRAY(SELECT DISTINCT w FROM unnest(search_words) AS w
    WHERE position(' ' || w || ' ' IN ' ' || search_text || ' ') = 0
      OR (w = replace(search_name, ' ', '') AND position(' ' IN search_name) > 0) ORDER BY w);--> statement-breakpoint
ALTER TABLE organizations ENABLE TRIGGER organizations_search_updated;--> statement-breakpoint
ALTER TABLE "organizations" DROP COLUMN "search_text";--> statement-breakpoint
ALTER TABLE "organizations" DROP COLUMN "public_search_text";--> statement-breakpoint
ALTER TABLE "organizations" DROP COLUMN "public_search_words";--> statement-breakpoint
DROP FUNCTION totem_audience_words(text[], text[]);
