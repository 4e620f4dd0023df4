ALTER TABLE "bookings" ADD COLUMN "organization_id" uuid;--> statement-breakpoint
CREATE INDEX "bookings_holding_until_idx" ON "bookings" USING btree ("resource_id","blocked_until") WHERE "bookings"."status" IN ('pending', 'confirmed');--> statement-breakpoint
CREATE INDEX "bookings_organization_idx" ON "bookings" USING btree ("organization_id","starts_at") WHERE "bookings"."organization_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "mail_outbox_pending_idx" ON "mail_outbox" USING btree ("created_at") WHERE "mail_outbox"."status" = 'pending';--> statement-breakpoint
-- custom SQL: places
-- The organisation a booking is made for (declared here rather than in places.tables.ts, which
-- cannot import the directory's tables while the schema loads). A deleted organisation leaves its
-- bookings in place, for no one.
ALTER TABLE bookings ADD CONSTRAINT bookings_organization_id_organizations_id_fk FOREIGN KEY (organization_id)
  REFERENCES organizations(id) ON DELETE SET NULL;--> statement-breakpoint
-- A multi-unit resource never holds more units than its capacity at any instant. The resource's
-- row is locked first, so that concurrent bookings of one resource are checked one after the
-- other. Only the holding bookings that overlap the new one are read (a range on the resource and
-- `blocked_until`, served by bookings_holding_until_idx, instead of every earlier booking of the
-- resource for each instant), clipped to the new booking's time, and the peak is found by one
-- sweep over their starts and ends (at the same instant an end comes before a start: a booking
-- ending at 10:00 frees its unit for one starting at 10:00). The cached generic plan is kept:
-- measured, planning each call afresh (plan_cache_mode = force_custom_plan) cost more than it saved
-- on both engines, several times more on PGlite.
CREATE OR REPLACE FUNCTION totem_booking_capacity() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cap integer;
  peak integer;
BEGIN
  IF NEW.exclusive OR NEW.status NOT IN ('pending', 'confirmed') THEN
    RETURN NEW;
  END IF;
  SELECT capacity INTO cap FROM resources WHERE id = NEW.resource_id FOR UPDATE;
  WITH overlapping AS (
    SELECT greatest(b.starts_at, NEW.starts_at) AS s, least(b.blocked_until, NEW.blocked_until) AS e, b.units
    FROM bookings b
    WHERE b.resource_id = NEW.resource_id AND b.status IN ('pending', 'confirmed')
      AND b.blocked_until > NEW.starts_at AND b.starts_at < NEW.blocked_until AND b.id <> NEW.id
  ), steps AS (
    SELECT s AS at, units AS delta FROM overlapping
    UNION ALL
    SELECT e, -units FROM overlapping
  )
  SELECT coalesce(max(used), 0) INTO peak
    FROM (SELECT sum(delta) OVER (ORDER BY at, delta) AS used FROM steps) sweep;
  IF peak + NEW.units > cap THEN
    RAISE EXCEPTION 'resource % has % of % units taken', NEW.resource_id, peak, cap
      USING ERRCODE = '23P01', CONSTRAINT = 'bookings_capacity';
  END IF;
  RETURN NEW;
END $$;
