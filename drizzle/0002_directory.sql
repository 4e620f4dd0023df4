CREATE TABLE "affiliations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"title" text,
	"started_on" date,
	"ended_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "affiliations_dates_check" CHECK ("affiliations"."ended_on" IS NULL OR "affiliations"."started_on" IS NULL OR "affiliations"."ended_on" >= "affiliations"."started_on")
);
--> statement-breakpoint
CREATE TABLE "organization_metrics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"value" bigint,
	"band" text,
	"as_of" date NOT NULL,
	"source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organization_metrics_metric_check" CHECK ("organization_metrics"."metric" IN ('headcount', 'funds_raised', 'revenue_band')),
	CONSTRAINT "organization_metrics_value_check" CHECK (("organization_metrics"."metric" = 'revenue_band' AND "organization_metrics"."band" IN ('lt_100k', '100k_500k', '500k_1m', '1m_2m', '2m_10m', '10m_50m', 'gt_50m') AND "organization_metrics"."value" IS NULL)
        OR ("organization_metrics"."metric" <> 'revenue_band' AND "organization_metrics"."band" IS NULL AND "organization_metrics"."value" >= 0))
);
--> statement-breakpoint
CREATE TABLE "organization_relationships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"started_on" date,
	"ended_on" date,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organization_relationships_kind_check" CHECK ("organization_relationships"."kind" IN ('accompanies', 'funds', 'hosts', 'partners_with', 'member_of', 'spun_out_of')),
	CONSTRAINT "organization_relationships_distinct_check" CHECK ("organization_relationships"."source_id" <> "organization_relationships"."target_id"),
	CONSTRAINT "organization_relationships_dates_check" CHECK ("organization_relationships"."ended_on" IS NULL OR "organization_relationships"."started_on" IS NULL OR "organization_relationships"."ended_on" >= "organization_relationships"."started_on")
);
--> statement-breakpoint
CREATE TABLE "organization_themes" (
	"territory_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"theme_id" uuid NOT NULL,
	CONSTRAINT "organization_themes_organization_id_theme_id_pk" PRIMARY KEY("organization_id","theme_id")
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"legal_name" text,
	"siren" text,
	"siret" text,
	"rna" text,
	"street" text,
	"postal_code" text,
	"city" text,
	"commune_insee" text,
	"commune_name" text,
	"in_territory" boolean DEFAULT false NOT NULL,
	"website" text,
	"description_fr" text,
	"description_en" text,
	"logo_url" text,
	"founding_year" integer,
	"sector" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"membership_status" text DEFAULT 'prospect' NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"public_fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"external_id" text,
	"search_text" text DEFAULT '' NOT NULL,
	"public_search_text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_kind_check" CHECK ("organizations"."kind" IN ('startup', 'sme', 'large_company', 'association', 'public_body', 'school', 'investor', 'incubator', 'cluster', 'fablab', 'chamber_of_commerce')),
	CONSTRAINT "organizations_status_check" CHECK ("organizations"."membership_status" IN ('member', 'partner', 'prospect', 'former')),
	CONSTRAINT "organizations_siren_check" CHECK ("organizations"."siren" ~ '^[0-9]{9}$'),
	CONSTRAINT "organizations_siret_check" CHECK ("organizations"."siret" ~ '^[0-9]{14}$' AND ("organizations"."siren" IS NULL OR left("organizations"."siret", 9) = "organizations"."siren")),
	CONSTRAINT "organizations_founding_year_check" CHECK ("organizations"."founding_year" BETWEEN 1000 AND 2200)
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text,
	"phone" text,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"offers" text[] DEFAULT '{}'::text[] NOT NULL,
	"seeks" text[] DEFAULT '{}'::text[] NOT NULL,
	"legal_basis" text NOT NULL,
	"purpose" text,
	"consent_public_profile" boolean DEFAULT false NOT NULL,
	"consent_contact" boolean DEFAULT false NOT NULL,
	"consent_at" timestamp with time zone,
	"public_profile" boolean DEFAULT false NOT NULL,
	"external_id" text,
	"search_text" text DEFAULT '' NOT NULL,
	"erased_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "people_legal_basis_check" CHECK ("people"."legal_basis" IN ('consent', 'contract', 'legal_obligation', 'vital_interests', 'public_task', 'legitimate_interest')),
	CONSTRAINT "people_public_profile_check" CHECK (NOT "people"."public_profile" OR "people"."consent_public_profile")
);
--> statement-breakpoint
ALTER TABLE "affiliations" ADD CONSTRAINT "affiliations_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "affiliations" ADD CONSTRAINT "affiliations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "affiliations" ADD CONSTRAINT "affiliations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_metrics" ADD CONSTRAINT "organization_metrics_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_metrics" ADD CONSTRAINT "organization_metrics_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_relationships" ADD CONSTRAINT "organization_relationships_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_relationships" ADD CONSTRAINT "organization_relationships_source_id_organizations_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_relationships" ADD CONSTRAINT "organization_relationships_target_id_organizations_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_themes" ADD CONSTRAINT "organization_themes_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_themes" ADD CONSTRAINT "organization_themes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_themes" ADD CONSTRAINT "organization_themes_theme_id_territory_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."territory_themes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "affiliations_person_idx" ON "affiliations" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "affiliations_organization_idx" ON "affiliations" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "organization_metrics_org_idx" ON "organization_metrics" USING btree ("organization_id","metric","as_of");--> statement-breakpoint
CREATE UNIQUE INDEX "organization_relationships_key" ON "organization_relationships" USING btree ("source_id","target_id","kind");--> statement-breakpoint
CREATE INDEX "organization_relationships_target_idx" ON "organization_relationships" USING btree ("target_id");--> statement-breakpoint
CREATE INDEX "organization_themes_theme_idx" ON "organization_themes" USING btree ("theme_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_siret_key" ON "organizations" USING btree ("territory_id","siret") WHERE "organizations"."siret" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_external_id_key" ON "organizations" USING btree ("territory_id","external_id") WHERE "organizations"."external_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "organizations_territory_name_idx" ON "organizations" USING btree ("territory_id","name");--> statement-breakpoint
CREATE INDEX "organizations_search_idx" ON "organizations" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "organizations_public_search_idx" ON "organizations" USING gin ("public_search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "organizations_tags_idx" ON "organizations" USING gin ("tags");--> statement-breakpoint
CREATE UNIQUE INDEX "people_email_key" ON "people" USING btree ("territory_id",lower("email")) WHERE "people"."email" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "people_external_id_key" ON "people" USING btree ("territory_id","external_id") WHERE "people"."external_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "people_territory_name_idx" ON "people" USING btree ("territory_id","last_name","first_name");--> statement-breakpoint
CREATE INDEX "people_search_idx" ON "people" USING gin ("search_text" gin_trgm_ops);