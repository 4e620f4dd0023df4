-- Extensions used by Totem; identical on PGlite and PostgreSQL.
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint

-- The application role: not the owner, no BYPASSRLS, so row-level security applies to it.
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'totem_app') THEN
    CREATE ROLE totem_app NOLOGIN;
  END IF;
END $$;--> statement-breakpoint

-- The territory of the current transaction, set with set_config('totem.territory_id', id, true).
CREATE OR REPLACE FUNCTION totem_territory() RETURNS uuid
  LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('totem.territory_id', true), '')::uuid $$;--> statement-breakpoint

ALTER TABLE territory_communes ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON territory_communes USING (territory_id = totem_territory()) WITH CHECK (territory_id = totem_territory());--> statement-breakpoint
ALTER TABLE territory_themes ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON territory_themes USING (territory_id = totem_territory()) WITH CHECK (territory_id = totem_territory());--> statement-breakpoint
ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON memberships USING (territory_id = totem_territory()) WITH CHECK (territory_id = totem_territory());--> statement-breakpoint
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON audit_log USING (territory_id = totem_territory()) WITH CHECK (territory_id = totem_territory());
