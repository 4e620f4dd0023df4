-- Search normalisation, identical on PGlite and PostgreSQL. unaccent() is only STABLE (its
-- dictionary could change), so it cannot serve indexes or stored columns: this wrapper names the
-- dictionary explicitly and is declared IMMUTABLE, the usual remedy.
CREATE OR REPLACE FUNCTION totem_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;--> statement-breakpoint

-- Lower case, no accents, any run of other characters (hyphens, apostrophes, dots) as one space:
-- "Béthune-Bruay" and "bethune bruay" normalise alike.
CREATE OR REPLACE FUNCTION totem_normalize(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT btrim(regexp_replace(lower(totem_unaccent($1)), '[^a-z0-9]+', ' ', 'g')) $$;--> statement-breakpoint

-- The searchable document of a record: its name and other text, normalised, then the name once
-- more without spaces, so that "fablab" finds "Fab Lab" as "fab lab" finds "FabLab".
CREATE OR REPLACE FUNCTION totem_search_doc(name text, rest text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT concat_ws(' ', totem_normalize(coalesce(name, '') || ' ' || coalesce(rest, '')), replace(totem_normalize(coalesce(name, '')), ' ', '')) $$;--> statement-breakpoint

ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON organizations USING (territory_id = totem_territory()) WITH CHECK (territory_id = totem_territory());--> statement-breakpoint
ALTER TABLE organization_themes ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON organization_themes USING (territory_id = totem_territory()) WITH CHECK (territory_id = totem_territory());--> statement-breakpoint
ALTER TABLE organization_metrics ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON organization_metrics USING (territory_id = totem_territory()) WITH CHECK (territory_id = totem_territory());--> statement-breakpoint
ALTER TABLE organization_relationships ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON organization_relationships USING (territory_id = totem_territory()) WITH CHECK (territory_id = totem_territory());--> statement-breakpoint
ALTER TABLE people ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON people USING (territory_id = totem_territory()) WITH CHECK (territory_id = totem_territory());--> statement-breakpoint
ALTER TABLE affiliations ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON affiliations USING (territory_id = totem_territory()) WITH CHECK (territory_id = totem_territory());
