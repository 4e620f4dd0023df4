-- custom SQL: directory
-- An organisation's five search columns (its two documents, its normalised name and the words of
-- each document) from one call that normalises the name once. Until now each new organisation's
-- name was normalised seven times (twice per document by totem_search_doc, once per word array by
-- totem_search_words, once for search_name) and its joined name words were built twice; on the
-- embedded database that was a tenth of a large import. Same values as before, in the same order:
-- `normalize(name || ' ' || rest)` is the normalised name and rest joined by a space (a space is
-- one of the characters normalisation turns into a single space), which a test checks against the
-- earlier functions. `rest` and `public_rest` are the other text of all fields and of the public
-- fields; a non-public organisation has no public document.
CREATE OR REPLACE FUNCTION totem_organization_search_fields(name text, rest text, public_rest text, is_public boolean,
  OUT doc text, OUT pub text, OUT search_name text, OUT search_words text[], OUT public_search_words text[])
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  whole text;
  spaced boolean;
  joined text[];
BEGIN
  search_name := totem_normalize(coalesce(name, ''));
  whole := replace(search_name, ' ', '');
  spaced := position(' ' IN search_name) > 0;
  doc := concat_ws(' ', nullif(search_name, ''), nullif(totem_normalize(coalesce(rest, '')), '')) || ' ' || whole;
  -- The name's neighbouring words run together, and the whole name run together when it has several.
  joined := ARRAY(SELECT a || b FROM (
      SELECT w AS a, lead(w) OVER (ORDER BY i) AS b FROM unnest(string_to_array(search_name, ' ')) WITH ORDINALITY AS n(w, i)
    ) pairs WHERE b IS NOT NULL AND a || b <> '');
  IF spaced AND whole <> '' THEN
    joined := joined || whole;
  END IF;
  search_words := ARRAY(SELECT DISTINCT w FROM (
      SELECT w FROM unnest(string_to_array(doc, ' ')) AS w WHERE w <> '' AND NOT (w = whole AND spaced)
      UNION ALL
      SELECT unnest(joined)
    ) words ORDER BY w);
  IF NOT coalesce(is_public, false) THEN
    pub := '';
    public_search_words := '{}';
    RETURN;
  END IF;
  pub := concat_ws(' ', nullif(search_name, ''), nullif(totem_normalize(coalesce(public_rest, '')), '')) || ' ' || whole;
  IF pub = doc THEN
    public_search_words := search_words;
    RETURN;
  END IF;
  public_search_words := ARRAY(SELECT DISTINCT w FROM (
      SELECT w FROM unnest(string_to_array(pub, ' ')) AS w WHERE w <> '' AND NOT (w = whole AND spaced)
      UNION ALL
      SELECT unnest(joined)
    ) words ORDER BY w);
END $$;
