ALTER TABLE "after_sales_case_events" ADD COLUMN "override_reason" text;--> statement-breakpoint
ALTER TABLE "after_sales_case_events" ADD COLUMN "details" jsonb;--> statement-breakpoint
ALTER TABLE "after_sales_cases" ADD COLUMN "state_since" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "after_sales_cases" ADD COLUMN "due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "after_sales_cases" ADD COLUMN "assigned_to" uuid;--> statement-breakpoint
ALTER TABLE "after_sales_cases" ADD COLUMN "inspection" jsonb;--> statement-breakpoint
ALTER TABLE "after_sales_cases" ADD COLUMN "quote" jsonb;--> statement-breakpoint
ALTER TABLE "after_sales_cases" ADD COLUMN "resolution" text;--> statement-breakpoint
ALTER TABLE "after_sales_cases" ADD CONSTRAINT "after_sales_cases_assigned_to_staff_users_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "after_sales_cases_updated_idx" ON "after_sales_cases" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "after_sales_cases_due_idx" ON "after_sales_cases" USING btree (coalesce("due_at", 'infinity'::timestamptz),"id");--> statement-breakpoint
CREATE INDEX "after_sales_cases_assignee_idx" ON "after_sales_cases" USING btree ("assigned_to","opened_at");--> statement-breakpoint
CREATE INDEX "after_sales_cases_line_idx" ON "after_sales_cases" USING btree ("order_line_id");