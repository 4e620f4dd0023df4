-- custom SQL: directory
-- An organisation's search columns (its normalised name, its words, and which of them only its name
-- run together makes) from one call that normalises the name once. Until now each new organisation's name was normalised seven
-- times (twice per document by totem_search_doc, once per word array by totem_search_words, once
-- for search_name) and its joined name words were built twice; on the embedded database that was
-- a tenth of a large import. Same values as before: `normalize(name || ' ' || rest)` is the
-- normalised name and rest joined by a space (a space is one of the characters normalisation turns
-- into a single space), which a test checks against the earlier functions. `rest` and
-- `public_rest` are the other text of all fields and of the public fields. The words come marked
-- for their audience as `organization_search_words` holds them (migration 0016): the public
-- document's words as they are, the others `~`-marked (all of them when the organisation is not
-- public). `joined` lists the words found only as the name's words run together, which the
-- territory's vocabulary does not take for plain words; the documents are not kept (migration 0018).
CREATE OR REPLACE FUNCTION totem_organization_search_fields(name text, rest text, public_rest text, is_public boolean,
  OUT doc text, OUT search_name text, OUT search_words text[], OUT joined text[])
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  whole text;
  spaced boolean;
  pairs text[];
  plain text[];
  pub text;
  public_words text[];
BEGIN
  search_name := totem_normalize(coalesce(name, ''));
  whole := replace(search_name, ' ', '');
  spaced := position(' ' IN search_name) > 0;
  doc := concat_ws(' ', nullif(search_name, ''), nullif(totem_normalize(coalesce(rest, '')), '')) || ' ' || whole;
  -- The name's neighbouring words run together, and the whole name run together when it has several.
  pairs := ARRAY(SELECT a || b FROM (
      SELECT w AS a, lead(w) OVER (ORDER BY i) AS b FROM unnest(string_to_array(search_name, ' ')) WITH ORDINALITY AS n(w, i)
    ) p WHERE b IS NOT NULL AND a || b <> '');
  IF spaced AND whole <> '' THEN
    pairs := pairs || whole;
  END IF;
  plain := ARRAY(SELECT w FROM unnest(string_to_array(doc, ' ')) AS w WHERE w <> '' AND NOT (w = whole AND spaced));
  search_words := ARRAY(SELECT DISTINCT w FROM (SELECT unnest(plain) AS w UNION ALL SELECT unnest(pairs)) words ORDER BY w);
  joined := ARRAY(SELECT DISTINCT w FROM unnest(pairs) AS w WHERE w <> ALL (plain) ORDER BY w);
  IF NOT coalesce(is_public, false) THEN
    search_words := ARRAY(SELECT '~' || w FROM unnest(search_words) AS w);
    RETURN;
  END IF;
  pub := concat_ws(' ', nullif(search_name, ''), nullif(totem_normalize(coalesce(public_rest, '')), '')) || ' ' || whole;
  IF pub = doc THEN
    RETURN;
  END IF;
  public_words := ARRAY(SELECT DISTINCT w FROM (
      SELECT w FROM unnest(string_to_array(pub, ' ')) AS w WHERE w <> '' AND NOT (w = whole AND spaced)
      UNION ALL
      SELECT unnest(pairs)
    ) words ORDER BY w);
  search_words := public_words || ARRAY(SELECT '~' || w FROM unnest(search_words) AS w WHERE w <> ALL (public_words));
END $$;
