CREATE TABLE "kpi_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"period" date NOT NULL,
	"token_hashes" text[] DEFAULT '{}'::text[] NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"reminders_sent" integer DEFAULT 0 NOT NULL,
	"last_reminded_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"headcount" integer,
	"funds_raised_cents" bigint,
	"revenue_band" text,
	"key_facts" text,
	CONSTRAINT "kpi_requests_reminders_check" CHECK ("kpi_requests"."reminders_sent" BETWEEN 0 AND 2),
	CONSTRAINT "kpi_requests_values_check" CHECK ("kpi_requests"."headcount" >= 0 AND "kpi_requests"."funds_raised_cents" >= 0),
	CONSTRAINT "kpi_requests_band_check" CHECK ("kpi_requests"."revenue_band" IS NULL OR "kpi_requests"."revenue_band" IN ('lt_100k', '100k_500k', '500k_1m', '1m_2m', '2m_10m', '10m_50m', 'gt_50m')),
	CONSTRAINT "kpi_requests_answer_check" CHECK ("kpi_requests"."answered_at" IS NULL OR "kpi_requests"."headcount" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "programme_cohorts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"cap" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_cohorts_dates_check" CHECK ("programme_cohorts"."ends_on" >= "programme_cohorts"."starts_on"),
	CONSTRAINT "programme_cohorts_cap_check" CHECK ("programme_cohorts"."cap" BETWEEN 1 AND 100000)
);
--> statement-breakpoint
CREATE TABLE "programme_enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"cohort_id" uuid,
	"organization_id" uuid NOT NULL,
	"status" text NOT NULL,
	"waitlist_position" integer,
	"source_kind" text NOT NULL,
	"source_id" text,
	"entered_on" date,
	"expected_end_on" date,
	"exited_on" date,
	"exit_reason" text,
	"exit_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_enrolments_status_check" CHECK ("programme_enrolments"."status" IN ('active', 'waitlisted', 'exited', 'withdrawn')),
	CONSTRAINT "programme_enrolments_source_check" CHECK ("programme_enrolments"."source_kind" IN ('application', 'staff')),
	CONSTRAINT "programme_enrolments_waitlist_check" CHECK (("programme_enrolments"."status" = 'waitlisted') = ("programme_enrolments"."waitlist_position" IS NOT NULL)),
	CONSTRAINT "programme_enrolments_entered_check" CHECK ("programme_enrolments"."status" NOT IN ('active', 'exited') OR "programme_enrolments"."entered_on" IS NOT NULL),
	CONSTRAINT "programme_enrolments_exit_check" CHECK (("programme_enrolments"."status" IN ('exited', 'withdrawn')) = ("programme_enrolments"."exited_on" IS NOT NULL AND "programme_enrolments"."exit_reason" IS NOT NULL)
        AND ("programme_enrolments"."exit_reason" IS NULL OR "programme_enrolments"."exit_reason" IN ('completed', 'abandoned', 'excluded', 'moved', 'other')))
);
--> statement-breakpoint
CREATE TABLE "programme_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"done_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_milestones_status_check" CHECK ("programme_milestones"."status" IN ('planned', 'done', 'dropped')),
	CONSTRAINT "programme_milestones_done_check" CHECK (("programme_milestones"."status" = 'done') = ("programme_milestones"."done_on" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "programme_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"duration_minutes" integer NOT NULL,
	"topic" text NOT NULL,
	"notes" text,
	"supporter_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_sessions_duration_check" CHECK ("programme_sessions"."duration_minutes" BETWEEN 1 AND 1440)
);
--> statement-breakpoint
CREATE TABLE "programme_supporters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"role" text NOT NULL,
	"user_id" uuid,
	"person_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_supporters_role_check" CHECK ("programme_supporters"."role" IN ('mentor', 'expert')),
	CONSTRAINT "programme_supporters_who_check" CHECK (("programme_supporters"."user_id" IS NULL) <> ("programme_supporters"."person_id" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "programme_themes" (
	"territory_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"theme_id" uuid NOT NULL,
	CONSTRAINT "programme_themes_programme_id_theme_id_pk" PRIMARY KEY("programme_id","theme_id")
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name_fr" text NOT NULL,
	"name_en" text NOT NULL,
	"description_fr" text,
	"description_en" text,
	"kind" text NOT NULL,
	"entry" text NOT NULL,
	"default_duration_months" integer,
	"cap" integer,
	"is_published" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programmes_kind_check" CHECK ("programmes"."kind" IN ('incubation', 'acceleration', 'residency', 'other')),
	CONSTRAINT "programmes_entry_check" CHECK ("programmes"."entry" IN ('cohorts', 'continuous')),
	CONSTRAINT "programmes_cap_check" CHECK ("programmes"."cap" BETWEEN 1 AND 100000),
	CONSTRAINT "programmes_duration_check" CHECK ("programmes"."default_duration_months" BETWEEN 1 AND 120)
);
--> statement-breakpoint
ALTER TABLE "kpi_requests" ADD CONSTRAINT "kpi_requests_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_requests" ADD CONSTRAINT "kpi_requests_enrolment_id_programme_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."programme_enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_cohorts" ADD CONSTRAINT "programme_cohorts_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_cohorts" ADD CONSTRAINT "programme_cohorts_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_enrolments" ADD CONSTRAINT "programme_enrolments_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_enrolments" ADD CONSTRAINT "programme_enrolments_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_enrolments" ADD CONSTRAINT "programme_enrolments_cohort_id_programme_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."programme_cohorts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_enrolments" ADD CONSTRAINT "programme_enrolments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_milestones" ADD CONSTRAINT "programme_milestones_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_milestones" ADD CONSTRAINT "programme_milestones_enrolment_id_programme_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."programme_enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_sessions" ADD CONSTRAINT "programme_sessions_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_sessions" ADD CONSTRAINT "programme_sessions_enrolment_id_programme_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."programme_enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_sessions" ADD CONSTRAINT "programme_sessions_supporter_id_programme_supporters_id_fk" FOREIGN KEY ("supporter_id") REFERENCES "public"."programme_supporters"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_supporters" ADD CONSTRAINT "programme_supporters_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_supporters" ADD CONSTRAINT "programme_supporters_enrolment_id_programme_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."programme_enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_supporters" ADD CONSTRAINT "programme_supporters_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_supporters" ADD CONSTRAINT "programme_supporters_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_themes" ADD CONSTRAINT "programme_themes_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_themes" ADD CONSTRAINT "programme_themes_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_themes" ADD CONSTRAINT "programme_themes_theme_id_territory_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."territory_themes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "kpi_requests_period_key" ON "kpi_requests" USING btree ("enrolment_id","period");--> statement-breakpoint
CREATE INDEX "kpi_requests_tokens_idx" ON "kpi_requests" USING gin ("token_hashes");--> statement-breakpoint
CREATE INDEX "programme_cohorts_programme_idx" ON "programme_cohorts" USING btree ("programme_id","starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "programme_enrolments_current_key" ON "programme_enrolments" USING btree ("programme_id","organization_id") WHERE "programme_enrolments"."status" IN ('active', 'waitlisted');--> statement-breakpoint
CREATE UNIQUE INDEX "programme_enrolments_waitlist_key" ON "programme_enrolments" USING btree ("programme_id","waitlist_position") WHERE "programme_enrolments"."status" = 'waitlisted';--> statement-breakpoint
CREATE INDEX "programme_enrolments_programme_idx" ON "programme_enrolments" USING btree ("programme_id","status");--> statement-breakpoint
CREATE INDEX "programme_enrolments_organization_idx" ON "programme_enrolments" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "programme_milestones_enrolment_idx" ON "programme_milestones" USING btree ("enrolment_id","due_on");--> statement-breakpoint
CREATE INDEX "programme_sessions_enrolment_idx" ON "programme_sessions" USING btree ("enrolment_id","held_on");--> statement-breakpoint
CREATE INDEX "programme_supporters_enrolment_idx" ON "programme_supporters" USING btree ("enrolment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "programme_supporters_key" ON "programme_supporters" USING btree ("enrolment_id","role",coalesce("user_id", "person_id"));--> statement-breakpoint
CREATE UNIQUE INDEX "programmes_slug_key" ON "programmes" USING btree ("territory_id","slug");--> statement-breakpoint
-- custom SQL: programmes
-- A programme (and a cohort with a cap of its own) never has more active enrolments than its cap,
-- whatever the application does: the programme's row (then the cohort's) is locked first, so that
-- concurrent admissions to one programme are counted one after the other.
CREATE OR REPLACE FUNCTION totem_programme_cap() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cap integer;
  taken integer;
BEGIN
  IF NEW.status <> 'active' THEN
    RETURN NEW;
  END IF;
  SELECT p.cap INTO cap FROM programmes p WHERE p.id = NEW.programme_id FOR UPDATE;
  IF cap IS NOT NULL THEN
    SELECT count(*) INTO taken FROM programme_enrolments
      WHERE programme_id = NEW.programme_id AND id <> NEW.id AND status = 'active';
    IF taken + 1 > cap THEN
      RAISE EXCEPTION 'programme % is full (% active enrolments)', NEW.programme_id, cap
        USING ERRCODE = '23P01', CONSTRAINT = 'programme_enrolments_cap';
    END IF;
  END IF;
  IF NEW.cohort_id IS NOT NULL THEN
    SELECT c.cap INTO cap FROM programme_cohorts c WHERE c.id = NEW.cohort_id FOR UPDATE;
    IF cap IS NOT NULL THEN
      SELECT count(*) INTO taken FROM programme_enrolments
        WHERE cohort_id = NEW.cohort_id AND id <> NEW.id AND status = 'active';
      IF taken + 1 > cap THEN
        RAISE EXCEPTION 'cohort % is full (% active enrolments)', NEW.cohort_id, cap
          USING ERRCODE = '23P01', CONSTRAINT = 'programme_enrolments_cohort_cap';
      END IF;
    END IF;
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER programme_enrolments_cap BEFORE INSERT OR UPDATE OF status, programme_id, cohort_id ON programme_enrolments
  FOR EACH ROW EXECUTE FUNCTION totem_programme_cap();--> statement-breakpoint
-- Lowering a cap below the enrolments already active would break the invariant silently.
CREATE OR REPLACE FUNCTION totem_programme_cap_lowered() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  taken integer;
BEGIN
  IF NEW.cap IS NULL OR (OLD.cap IS NOT NULL AND NEW.cap >= OLD.cap) THEN
    RETURN NEW;
  END IF;
  IF TG_TABLE_NAME = 'programmes' THEN
    SELECT count(*) INTO taken FROM programme_enrolments WHERE programme_id = NEW.id AND status = 'active';
  ELSE
    SELECT count(*) INTO taken FROM programme_enrolments WHERE cohort_id = NEW.id AND status = 'active';
  END IF;
  IF taken > NEW.cap THEN
    RAISE EXCEPTION '% active enrolments exceed the new cap %', taken, NEW.cap
      USING ERRCODE = '23P01', CONSTRAINT = 'programme_enrolments_cap';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER programmes_cap_lowered BEFORE UPDATE OF cap ON programmes
  FOR EACH ROW EXECUTE FUNCTION totem_programme_cap_lowered();--> statement-breakpoint
CREATE TRIGGER programme_cohorts_cap_lowered BEFORE UPDATE OF cap ON programme_cohorts
  FOR EACH ROW EXECUTE FUNCTION totem_programme_cap_lowered();--> statement-breakpoint
ALTER TABLE programmes ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON programmes USING (territory_id = totem_territory()) WITH CHECK (territory_id = totem_territory());--> statement-breakpoint
ALTER TABLE programme_themes ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON programme_themes USING (territory_id = totem_territory()) WITH CHECK (territory_id = totem_territory());--> statement-breakpoint
ALTER TABLE programme_cohorts ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON programme_cohorts USING (territory_id = totem_territory()) WITH CHECK (territory_id = totem_territory());--> statement-breakpoint
ALTER TABLE programme_enrolments ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON programme_enrolments USING (territory_id = totem_territory()) WITH CHECK (territory_id = totem_territory());--> statement-breakpoint
ALTER TABLE programme_supporters ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON programme_supporters USING (territory_id = totem_territory()) WITH CHECK (territory_id = totem_territory());--> statement-breakpoint
ALTER TABLE programme_sessions ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON programme_sessions USING (territory_id = totem_territory()) WITH CHECK (territory_id = totem_territory());--> statement-breakpoint
ALTER TABLE programme_milestones ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON programme_milestones USING (territory_id = totem_territory()) WITH CHECK (territory_id = totem_territory());--> statement-breakpoint
ALTER TABLE kpi_requests ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON kpi_requests USING (territory_id = totem_territory()) WITH CHECK (territory_id = totem_territory());
--> statement-breakpoint
-- A call leads to one of its territory's programmes (the calls service checks the territory); deleting
-- the programme unlinks the call.
ALTER TABLE calls ADD CONSTRAINT calls_programme_id_programmes_id_fk FOREIGN KEY (programme_id) REFERENCES programmes(id) ON DELETE SET NULL;
