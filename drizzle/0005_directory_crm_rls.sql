-- The CRM tables are tenant-owned: row-level security keyed on the transaction's territory.
ALTER TABLE interactions ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON interactions USING (territory_id = totem_territory()) WITH CHECK (territory_id = totem_territory());--> statement-breakpoint
ALTER TABLE interaction_people ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON interaction_people USING (territory_id = totem_territory()) WITH CHECK (territory_id = totem_territory());--> statement-breakpoint
ALTER TABLE reminders ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON reminders USING (territory_id = totem_territory()) WITH CHECK (territory_id = totem_territory());
