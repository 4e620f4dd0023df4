CREATE TABLE "booking_series" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"resource_id" uuid NOT NULL,
	"rrule" text NOT NULL,
	"local_start" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" text DEFAULT 'enrolled' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_enrolments_status_check" CHECK ("training_enrolments"."status" IN ('enrolled', 'attended', 'absent', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"qualification_id" uuid NOT NULL,
	"place_id" uuid,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"seats" integer NOT NULL,
	"trainer" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_sessions_range_check" CHECK ("training_sessions"."ends_at" > "training_sessions"."starts_at"),
	CONSTRAINT "training_sessions_seats_check" CHECK ("training_sessions"."seats" BETWEEN 1 AND 1000)
);
--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "series_id" uuid;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "check_in_token_hash" text;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "checked_in_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "seats" integer;--> statement-breakpoint
ALTER TABLE "user_qualifications" ADD COLUMN "session_id" uuid;--> statement-breakpoint
ALTER TABLE "booking_series" ADD CONSTRAINT "booking_series_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_series" ADD CONSTRAINT "booking_series_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_series" ADD CONSTRAINT "booking_series_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_qualification_id_qualifications_id_fk" FOREIGN KEY ("qualification_id") REFERENCES "public"."qualifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "training_enrolments_session_user_key" ON "training_enrolments" USING btree ("session_id","user_id");--> statement-breakpoint
CREATE INDEX "training_sessions_time_idx" ON "training_sessions" USING btree ("territory_id","starts_at");--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_series_id_booking_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."booking_series"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bookings_series_idx" ON "bookings" USING btree ("series_id");--> statement-breakpoint
CREATE UNIQUE INDEX "bookings_check_in_token_key" ON "bookings" USING btree ("check_in_token_hash");--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_seats_check" CHECK ("resources"."seats" BETWEEN 1 AND 10000);--> statement-breakpoint
-- A training session never has more people enrolled than seats: the session's row is locked, so
-- concurrent enrolments are counted one after the other.
CREATE OR REPLACE FUNCTION totem_training_seats() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cap integer;
  taken integer;
BEGIN
  IF NEW.status = 'cancelled' THEN
    RETURN NEW;
  END IF;
  SELECT seats INTO cap FROM training_sessions WHERE id = NEW.session_id FOR UPDATE;
  SELECT count(*) INTO taken FROM training_enrolments
    WHERE session_id = NEW.session_id AND id <> NEW.id AND status <> 'cancelled';
  IF taken + 1 > cap THEN
    RAISE EXCEPTION 'training session % is full (% seats)', NEW.session_id, cap
      USING ERRCODE = '23P01', CONSTRAINT = 'training_enrolments_seats';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER training_enrolments_seats BEFORE INSERT OR UPDATE OF status, session_id ON training_enrolments
  FOR EACH ROW EXECUTE FUNCTION totem_training_seats();--> statement-breakpoint
ALTER TABLE booking_series ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON booking_series USING (territory_id = totem_territory()) WITH CHECK (territory_id = totem_territory());--> statement-breakpoint
ALTER TABLE training_sessions ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON training_sessions USING (territory_id = totem_territory()) WITH CHECK (territory_id = totem_territory());--> statement-breakpoint
ALTER TABLE training_enrolments ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON training_enrolments USING (territory_id = totem_territory()) WITH CHECK (territory_id = totem_territory());
