-- The organisations of the current territory whose words contain, for each group, at least one of
-- the group's words (groups: a JSON array of arrays of normalised words; public_only: only public
-- organisations and the words of their public fields).
--
-- Why a SECURITY DEFINER function: under row-level security PostgreSQL evaluates the tenant policy
-- first and may not push operators that are not LEAKPROOF (such as `&&` on arrays) below it, so the
-- GIN indexes on the word arrays could not serve the match and every search scanned the territory's
-- organisations. The function runs as the owner (no row-level security) and applies the same
-- territory rule itself, from the same setting as the policy: it returns nothing without a territory.
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
    conditions := conditions || format(' AND o.%I && ARRAY(SELECT jsonb_array_elements_text($2->%s))', words, i);
  END LOOP;
  RETURN QUERY EXECUTE 'SELECT o.id FROM organizations o WHERE o.territory_id = $1'
    || CASE WHEN public_only THEN ' AND o.is_public' ELSE '' END || conditions
    USING territory, groups;
END $$;
