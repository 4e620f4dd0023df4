ALTER TABLE "bookings" ADD COLUMN "guest_token_hash" text;--> statement-breakpoint
CREATE UNIQUE INDEX "bookings_guest_token_key" ON "bookings" USING btree ("guest_token_hash");