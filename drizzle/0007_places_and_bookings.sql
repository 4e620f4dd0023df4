CREATE TABLE "bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"resource_id" uuid NOT NULL,
	"place_id" uuid NOT NULL,
	"kind" text DEFAULT 'booking' NOT NULL,
	"status" text NOT NULL,
	"user_id" uuid,
	"guest_name" text,
	"guest_email" text,
	"commune_insee" text,
	"audience" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"blocked_until" timestamp with time zone NOT NULL,
	"units" integer DEFAULT 1 NOT NULL,
	"exclusive" boolean NOT NULL,
	"price_cents" integer DEFAULT 0 NOT NULL,
	"note" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"sequence" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bookings_kind_check" CHECK ("bookings"."kind" IN ('booking', 'blocking')),
	CONSTRAINT "bookings_status_check" CHECK ("bookings"."status" IN ('pending', 'confirmed', 'cancelled', 'rejected', 'no_show')),
	CONSTRAINT "bookings_audience_check" CHECK ("bookings"."audience" IN ('public', 'resident', 'member', 'qualified', 'staff')),
	CONSTRAINT "bookings_range_check" CHECK ("bookings"."ends_at" > "bookings"."starts_at" AND "bookings"."blocked_until" >= "bookings"."ends_at"),
	CONSTRAINT "bookings_units_check" CHECK ("bookings"."units" >= 1),
	CONSTRAINT "bookings_price_check" CHECK ("bookings"."price_cents" >= 0),
	CONSTRAINT "bookings_booker_check" CHECK ("bookings"."kind" = 'blocking' OR "bookings"."user_id" IS NOT NULL OR "bookings"."guest_email" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feeds_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "place_closures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"place_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "place_closures_range_check" CHECK ("place_closures"."ends_on" >= "place_closures"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "places" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"name" text NOT NULL,
	"street" text,
	"postal_code" text,
	"city" text,
	"commune_insee" text,
	"description_fr" text,
	"description_en" text,
	"accessibility_fr" text,
	"accessibility_en" text,
	"photo_urls" text[] DEFAULT '{}'::text[] NOT NULL,
	"contact_email" text,
	"contact_phone" text,
	"opening_hours" text DEFAULT 'Mo-Fr 09:00-18:00; PH off' NOT NULL,
	"is_public" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qualifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"name" text NOT NULL,
	"validity_months" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"place_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"description_fr" text,
	"description_en" text,
	"capacity" integer DEFAULT 1 NOT NULL,
	"equipment" text[] DEFAULT '{}'::text[] NOT NULL,
	"access" text[] DEFAULT '{public}'::text[] NOT NULL,
	"required_qualification_id" uuid,
	"opening_hours" text,
	"rules" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"prices" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resources_kind_check" CHECK ("resources"."kind" IN ('desk', 'room', 'office', 'machine')),
	CONSTRAINT "resources_capacity_check" CHECK ("resources"."capacity" BETWEEN 1 AND 10000),
	CONSTRAINT "resources_access_check" CHECK ("resources"."access" <@ ARRAY['public', 'resident', 'member', 'qualified', 'staff']::text[] AND cardinality("resources"."access") > 0)
);
--> statement-breakpoint
CREATE TABLE "user_qualifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"qualification_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text
);
--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "attachments" jsonb;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "place_closures" ADD CONSTRAINT "place_closures_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "place_closures" ADD CONSTRAINT "place_closures_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "places" ADD CONSTRAINT "places_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qualifications" ADD CONSTRAINT "qualifications_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_required_qualification_id_qualifications_id_fk" FOREIGN KEY ("required_qualification_id") REFERENCES "public"."qualifications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_qualifications" ADD CONSTRAINT "user_qualifications_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_qualifications" ADD CONSTRAINT "user_qualifications_qualification_id_qualifications_id_fk" FOREIGN KEY ("qualification_id") REFERENCES "public"."qualifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_qualifications" ADD CONSTRAINT "user_qualifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bookings_resource_time_idx" ON "bookings" USING btree ("resource_id","starts_at");--> statement-breakpoint
CREATE INDEX "bookings_user_idx" ON "bookings" USING btree ("user_id","starts_at");--> statement-breakpoint
CREATE INDEX "bookings_place_time_idx" ON "bookings" USING btree ("place_id","starts_at");--> statement-breakpoint
CREATE INDEX "place_closures_place_idx" ON "place_closures" USING btree ("place_id","starts_on");--> statement-breakpoint
CREATE INDEX "places_territory_name_idx" ON "places" USING btree ("territory_id","name");--> statement-breakpoint
CREATE INDEX "resources_place_idx" ON "resources" USING btree ("place_id","name");--> statement-breakpoint
CREATE INDEX "user_qualifications_user_idx" ON "user_qualifications" USING btree ("user_id","qualification_id");--> statement-breakpoint
-- No two holding bookings of a single-unit resource overlap, buffer included: an exclusion
-- constraint, so that concurrent requests cannot both succeed whatever the application does.
ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (
  resource_id WITH =, tstzrange(starts_at, blocked_until) WITH &&
) WHERE (exclusive AND status IN ('pending', 'confirmed'));--> statement-breakpoint
-- A multi-unit resource never holds more units than its capacity at any instant. The resource's
-- row is locked first, so that concurrent bookings of one resource are checked one after the
-- other; the peak is reached at the start of one of the overlapping bookings.
CREATE OR REPLACE FUNCTION totem_booking_capacity() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cap integer;
  peak integer;
BEGIN
  IF NEW.exclusive OR NEW.status NOT IN ('pending', 'confirmed') THEN
    RETURN NEW;
  END IF;
  SELECT capacity INTO cap FROM resources WHERE id = NEW.resource_id FOR UPDATE;
  SELECT coalesce(max((
      SELECT coalesce(sum(b.units), 0) FROM bookings b
      WHERE b.resource_id = NEW.resource_id AND b.id <> NEW.id AND b.status IN ('pending', 'confirmed')
        AND b.starts_at <= p.at AND b.blocked_until > p.at)), 0)
    INTO peak
    FROM (
      SELECT NEW.starts_at AS at
      UNION
      SELECT b.starts_at FROM bookings b
      WHERE b.resource_id = NEW.resource_id AND b.id <> NEW.id AND b.status IN ('pending', 'confirmed')
        AND b.starts_at > NEW.starts_at AND b.starts_at < NEW.blocked_until
    ) p;
  IF peak + NEW.units > cap THEN
    RAISE EXCEPTION 'resource % has % of % units taken', NEW.resource_id, peak, cap
      USING ERRCODE = '23P01', CONSTRAINT = 'bookings_capacity';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER bookings_capacity BEFORE INSERT OR UPDATE OF starts_at, blocked_until, units, status, resource_id ON bookings
  FOR EACH ROW EXECUTE FUNCTION totem_booking_capacity();--> statement-breakpoint
ALTER TABLE places ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON places USING (territory_id = totem_territory()) WITH CHECK (territory_id = totem_territory());--> statement-breakpoint
ALTER TABLE place_closures ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON place_closures USING (territory_id = totem_territory()) WITH CHECK (territory_id = totem_territory());--> statement-breakpoint
ALTER TABLE qualifications ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON qualifications USING (territory_id = totem_territory()) WITH CHECK (territory_id = totem_territory());--> statement-breakpoint
ALTER TABLE user_qualifications ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON user_qualifications USING (territory_id = totem_territory()) WITH CHECK (territory_id = totem_territory());--> statement-breakpoint
ALTER TABLE resources ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON resources USING (territory_id = totem_territory()) WITH CHECK (territory_id = totem_territory());--> statement-breakpoint
ALTER TABLE bookings ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON bookings USING (territory_id = totem_territory()) WITH CHECK (territory_id = totem_territory());
