-- An organisation's themes copied into the search tables only where they changed. Until now every
-- organisation named by a write to organization_themes had its organization_search row rewritten
-- (and its facet counts' change appended) even when its themes were already there: an import now
-- inserts new organisations and their themes in one statement, and the organisations' own trigger
-- copies the themes with the rest.
CREATE OR REPLACE FUNCTION totem_organization_search_themes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH wanted AS (
    SELECT s.organization_id, coalesce((SELECT array_agg(ot.theme_id ORDER BY ot.theme_id)
      FROM organization_themes ot WHERE ot.organization_id = s.organization_id), '{}') AS theme_ids
    FROM organization_search s WHERE s.organization_id IN (SELECT organization_id FROM changed)),
  copied AS (
    UPDATE organization_search s SET theme_ids = w.theme_ids FROM wanted w
    WHERE s.organization_id = w.organization_id AND s.theme_ids IS DISTINCT FROM w.theme_ids
    RETURNING s.organization_id, s.theme_ids)
  UPDATE organization_search_words w SET theme_ids = c.theme_ids FROM copied c
  WHERE w.organization_id = c.organization_id AND w.theme_ids IS DISTINCT FROM c.theme_ids;
  RETURN NULL;
END $$;
