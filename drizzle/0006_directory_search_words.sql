CREATE TABLE "search_words" (
	"territory_id" uuid NOT NULL,
	"word" text NOT NULL,
	"plain" boolean DEFAULT true NOT NULL,
	CONSTRAINT "search_words_territory_id_word_pk" PRIMARY KEY("territory_id","word")
);
--> statement-breakpoint
DROP INDEX "organizations_search_idx";--> statement-breakpoint
DROP INDEX "organizations_public_search_idx";--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "search_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "search_words" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "public_search_words" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "search_words" ADD CONSTRAINT "search_words_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "search_words_prefix_idx" ON "search_words" USING btree ("territory_id","word" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "search_words_word_trgm_idx" ON "search_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "organizations_search_words_idx" ON "organizations" USING gin ("search_words");--> statement-breakpoint
CREATE INDEX "organizations_public_search_words_idx" ON "organizations" USING gin ("public_search_words");--> statement-breakpoint
-- A record is searchable by two kinds of words: the plain words of its document, and its name's
-- words joined (adjacent pairs and the whole name), so that "fablab" finds "Fab Lab" and "fab lab"
-- finds "FabLab" (the query side joins its words too). Queries expand to prefixes and typos of
-- plain words only: joined words would turn one query word into thousands of candidates.
CREATE OR REPLACE FUNCTION totem_joined_words(name text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(array_agg(DISTINCT w), '{}'::text[]) FROM (
    SELECT a || b AS w FROM (
      SELECT w AS a, lead(w) OVER (ORDER BY i) AS b
      FROM unnest(string_to_array(coalesce(totem_normalize(name), ''), ' ')) WITH ORDINALITY AS n(w, i)
    ) pairs WHERE b IS NOT NULL
    UNION ALL
    SELECT replace(totem_normalize(name), ' ', '') WHERE position(' ' IN coalesce(totem_normalize(name), '')) > 0
  ) joined WHERE w <> '' $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION totem_plain_words(name text, doc text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(array_agg(DISTINCT w), '{}'::text[]) FROM unnest(string_to_array(coalesce(doc, ''), ' ')) AS w
    WHERE w <> '' AND NOT (w = replace(totem_normalize(name), ' ', '') AND position(' ' IN coalesce(totem_normalize(name), '')) > 0) $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION totem_search_words(name text, doc text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT CASE WHEN coalesce(doc, '') = '' THEN '{}'::text[]
    ELSE ARRAY(SELECT DISTINCT unnest(totem_plain_words(name, doc) || totem_joined_words(name))) END $$;--> statement-breakpoint
UPDATE organizations SET search_name = totem_normalize(name),
  search_words = totem_search_words(name, search_text),
  public_search_words = totem_search_words(name, public_search_text);--> statement-breakpoint
INSERT INTO search_words (territory_id, word, plain)
  SELECT territory_id, w, bool_or(plain) FROM (
    SELECT territory_id, unnest(totem_plain_words(name, search_text)) AS w, true AS plain FROM organizations
    UNION ALL SELECT territory_id, unnest(totem_joined_words(name)), false FROM organizations
  ) words GROUP BY 1, 2;--> statement-breakpoint
ANALYZE organizations;--> statement-breakpoint
ANALYZE search_words;--> statement-breakpoint
ALTER TABLE search_words ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON search_words USING (territory_id = totem_territory()) WITH CHECK (territory_id = totem_territory());
