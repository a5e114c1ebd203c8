CREATE TABLE "maintenance_grants" (
	"id" uuid PRIMARY KEY NOT NULL,
	"staff_id" uuid NOT NULL,
	"granted_by" uuid NOT NULL,
	"reason" text NOT NULL,
	"scope" text NOT NULL,
	"customer_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid
);
--> statement-breakpoint
CREATE TABLE "staff_access_log" (
	"id" uuid PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"staff_id" uuid NOT NULL,
	"staff_name" text NOT NULL,
	"staff_role" text NOT NULL,
	"outcome" text NOT NULL,
	"record_type" text NOT NULL,
	"record_id" text,
	"customer_id" uuid,
	"fields" jsonb NOT NULL,
	"purpose" text,
	"grant_id" uuid
);
--> statement-breakpoint
ALTER TABLE "maintenance_grants" ADD CONSTRAINT "maintenance_grants_staff_id_staff_users_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_grants" ADD CONSTRAINT "maintenance_grants_granted_by_staff_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_grants" ADD CONSTRAINT "maintenance_grants_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_grants" ADD CONSTRAINT "maintenance_grants_revoked_by_staff_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "maintenance_grants_staff_idx" ON "maintenance_grants" USING btree ("staff_id","expires_at");--> statement-breakpoint
CREATE INDEX "staff_access_log_at_idx" ON "staff_access_log" USING btree ("at","id");--> statement-breakpoint
CREATE INDEX "staff_access_log_staff_idx" ON "staff_access_log" USING btree ("staff_id","at");--> statement-breakpoint
CREATE INDEX "staff_access_log_customer_idx" ON "staff_access_log" USING btree ("customer_id","at");--> statement-breakpoint
-- PV-STF-1: the audit log is append-only, for the application too: rewriting or removing a row is refused.
CREATE FUNCTION staff_access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'staff_access_log is append-only (PV-STF-1)';
END;
$$;--> statement-breakpoint
CREATE TRIGGER staff_access_log_no_rewrite BEFORE UPDATE OR DELETE ON "staff_access_log"
  FOR EACH ROW EXECUTE FUNCTION staff_access_log_append_only();--> statement-breakpoint
CREATE TRIGGER staff_access_log_no_truncate BEFORE TRUNCATE ON "staff_access_log"
  FOR EACH STATEMENT EXECUTE FUNCTION staff_access_log_append_only();
